package dev.inkstream.ingest.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.util.FS;

/**
 * A fetch from a repository on the same file system, done by copying the missing objects
 * straight from its object store instead of through JGit's in-process upload-pack. The pack
 * protocol makes the sending side, here our own process, count every object of the old tree
 * (a fetch of one edited file walked all 5,000 trees of a 10,000-page site, and the pipe
 * between the two halves adds up to a second of waiting) and search deltas for a first import
 * (three quarters of its CPU), work that is pointless when both repositories are on one disk.
 * Here only trees the mirror does not have yet are read, so an edit costs what it changed.
 *
 * <p>What the mirror gets is what a fetch would give it: the same objects, each checked by
 * JGit's {@link ObjectChecker} as {@code setCheckFetchedObjects(true)} does, written as one
 * pack that appears at once, and then the branch ref, force-updated.
 */
final class LocalFetch {

    /**
     * The repository {@code url} names when it is a local path or {@code file://} URL of an
     * existing repository, else empty (remote URLs, and paths that are not a repository, which
     * the ordinary fetch then reports).
     */
    static Optional<File> localGitDir(String url) {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean local = uri.getHost() == null && (uri.getScheme() == null || "file".equals(uri.getScheme()));
        if (!local || uri.getPath() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(RepositoryCache.FileKey.resolve(new File(uri.getPath()), FS.DETECTED));
    }

    /**
     * Copies {@code branchRef} of the repository at {@code sourceGitDir} into {@code mirror}.
     * Returns false, having changed nothing, when the source has no such branch: the ordinary
     * fetch reports that.
     */
    static boolean fetch(File sourceGitDir, Repository mirror, String branchRef) throws IOException {
        try (Repository source = new FileRepositoryBuilder().setGitDir(sourceGitDir).setMustExist(true).build()) {
            Ref branch = source.exactRef(branchRef);
            if (branch == null || branch.getObjectId() == null) {
                return false;
            }
            ObjectId head = branch.getObjectId();
            copyMissing(source, mirror, head);
            RefUpdate update = mirror.updateRef(branchRef);
            update.setNewObjectId(head);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
                default -> throw new IOException("could not update " + branchRef + " to " + head.name() + ": " + result);
            }
            return true;
        }
    }

    private static void copyMissing(Repository source, Repository mirror, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(source);
             ObjectReader present = mirror.newObjectReader();
             ObjectInserter inserter = inserter(mirror)) {
            List<RevCommit> missing = missingCommits(walk, source, mirror, present, head);
            if (missing.isEmpty()) {
                return;
            }
            var copier = new Copier(walk.getObjectReader(), present, inserter);
            // Oldest first, each commit after its tree, all in one pack that appears at once.
            for (RevCommit commit : missing) {
                copier.tree(commit.getTree());
                copier.commit(commit);
            }
            inserter.flush();
        }
    }

    /**
     * One pack for the whole copy (a first import is tens of thousands of objects), not loose
     * files, compressed at the fastest level: at the default level, deflating took most of a
     * first import's CPU, for a mirror a few percent smaller.
     */
    private static ObjectInserter inserter(Repository mirror) {
        if (mirror.getObjectDatabase() instanceof ObjectDirectory directory) {
            PackInserter inserter = directory.newPackInserter();
            inserter.setCompressionLevel(Deflater.BEST_SPEED);
            // The copier asks the mirror before each object already.
            inserter.checkExisting(false);
            return inserter;
        }
        return mirror.newObjectInserter();
    }

    /**
     * The commits reachable from {@code head} that the mirror lacks, parents before children.
     * The walk stops at the mirror's own branch tips when the source still has them (the usual
     * case: a push on top of what was fetched before); after a history rewrite it goes on and
     * skips the commits the mirror has anyway.
     */
    private static List<RevCommit> missingCommits(RevWalk walk, Repository source, Repository mirror,
                                                  ObjectReader present, ObjectId head) throws IOException {
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(head));
        for (Ref ref : mirror.getRefDatabase().getRefs()) {
            ObjectId tip = ref.getObjectId();
            if (tip != null && source.getObjectDatabase().has(tip)
                    && source.getObjectDatabase().open(tip).getType() == Constants.OBJ_COMMIT) {
                walk.markUninteresting(walk.parseCommit(tip));
            }
        }
        List<RevCommit> missing = new ArrayList<>();
        for (RevCommit commit : walk) {
            if (!present.has(commit)) {
                missing.add(commit);
            }
        }
        return missing;
    }

    /** Copies objects the mirror lacks, checking each; a tree the mirror has is complete, so it is not entered. */
    private static final class Copier {
        private final ObjectReader source;
        private final ObjectReader present;
        private final ObjectInserter inserter;
        private final ObjectChecker checker = new ObjectChecker();
        private final Set<ObjectId> copied = new HashSet<>();

        Copier(ObjectReader source, ObjectReader present, ObjectInserter inserter) {
            this.source = source;
            this.present = present;
            this.inserter = inserter;
        }

        void tree(ObjectId tree) throws IOException {
            if (copied.contains(tree) || present.has(tree)) {
                return;
            }
            byte[] bytes = source.open(tree, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
            // Checked before anything under it is copied: an unsafe name stops the fetch.
            checker.checkTree(tree, bytes);
            var entries = new CanonicalTreeParser();
            entries.reset(bytes);
            for (; !entries.eof(); entries.next()) {
                int mode = entries.getEntryRawMode();
                if (FileMode.TREE.equals(mode)) {
                    tree(entries.getEntryObjectId());
                } else if (!FileMode.GITLINK.equals(mode)) {
                    blob(entries.getEntryObjectId());
                }
            }
            insert(tree, Constants.OBJ_TREE, bytes);
        }

        void commit(RevCommit commit) throws IOException {
            byte[] bytes = source.open(commit, Constants.OBJ_COMMIT).getCachedBytes();
            checker.checkCommit(commit, bytes);
            insert(commit, Constants.OBJ_COMMIT, bytes);
        }

        private void blob(ObjectId blob) throws IOException {
            if (copied.contains(blob) || present.has(blob)) {
                return;
            }
            ObjectLoader loader = source.open(blob, Constants.OBJ_BLOB);
            if (loader.isLarge()) {
                try (InputStream in = loader.openStream()) {
                    verify(blob, inserter.insert(Constants.OBJ_BLOB, loader.getSize(), in));
                }
            } else {
                byte[] bytes = loader.getCachedBytes();
                checker.checkBlob(bytes);
                verify(blob, inserter.insert(Constants.OBJ_BLOB, bytes));
            }
            copied.add(blob);
        }

        private void insert(ObjectId id, int type, byte[] bytes) throws IOException {
            verify(id, inserter.insert(type, bytes));
            copied.add(id);
        }

        /** The id is recomputed from the bytes: a damaged source object is refused, as a fetch refuses it. */
        private static void verify(ObjectId expected, ObjectId written) throws CorruptObjectException {
            if (!expected.equals(written)) {
                throw new CorruptObjectException("object " + expected.name() + " reads back as " + written.name());
            }
        }
    }

    private LocalFetch() {}
}
