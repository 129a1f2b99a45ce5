package dev.inkstream.ingest.git;

import dev.inkstream.events.BlobKeys;
import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.ChangeSet.PathChange;
import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.SourceDocument;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.api.errors.CanceledException;

/**
 * Turns "the branch moved from {@code from} to {@code to}" into the change set and the source
 * documents to write. The diff comes from the mirror, never from a payload's commit list (forges
 * truncate it); with no {@code from}, every file at {@code to} is added (a full import). Files
 * the {@link ContentRules} leave out never enter; files they refuse are listed as skipped.
 */
public final class PushDiff {

    /** What one push contributes to Kafka: documents to write, paths to tombstone, and the change set. */
    /**
     * What one push contributes: the change set, the paths to tombstone, and the documents to
     * write, which are read from git only when asked for, a bounded batch at a time, so a push of
     * tens of thousands of files never holds all their text at once.
     */
    public record Result(ChangeSet changeSet, List<String> deletedPaths, List<PathChange> written,
                         Map<String, List<CommitInfo>> histories, Repository repository, long inlineTextLimit) {

        /** How many documents {@link #documents(int, int)} can load. */
        public int documentCount() {
            return written.size();
        }

        /** Documents {@code from} (inclusive) to {@code to} (exclusive), read from git now. */
        public List<SourceDocument> documents(int from, int to) throws IOException {
            List<SourceDocument> documents = new ArrayList<>(to - from);
            try (ObjectReader reader = repository.newObjectReader()) {
                for (PathChange change : written.subList(from, to)) {
                    documents.add(document(reader, changeSet, change,
                            histories.getOrDefault(change.path(), List.of()), inlineTextLimit));
                }
            }
            return documents;
        }

        public List<SourceDocument> documents() throws IOException {
            return documents(0, documentCount());
        }

        /** The same result, reporting one more file that is not published. */
        public Result withSkipped(ChangeSet.Skipped skipped) {
            ChangeSet c = changeSet;
            List<ChangeSet.Skipped> all = new ArrayList<>(c.skipped());
            all.add(0, skipped);
            return new Result(new ChangeSet(c.schemaVersion(), c.repo(), c.ref(), c.before(), c.after(), c.deliveryId(),
                    c.changes(), all), deletedPaths, written, histories, repository, inlineTextLimit);
        }
    }

    public static Result compute(Repository repository, String repoId, String ref, Optional<ObjectId> from,
                                 ObjectId to, long inlineTextLimit, String deliveryId) throws IOException {
        return compute(repository, repoId, ref, from, to, inlineTextLimit, deliveryId,
                ContentRules.defaults(Long.MAX_VALUE));
    }

    public static Result compute(Repository repository, String repoId, String ref, Optional<ObjectId> from,
                                 ObjectId to, long inlineTextLimit, String deliveryId, ContentRules rules)
            throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit head = walk.parseCommit(to);
            List<DiffEntry> entries = diff(repository, walk, reader, from, head);

            List<PathChange> changes = new ArrayList<>();
            List<ChangeSet.Skipped> skipped = new ArrayList<>();
            List<String> present = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (DiffEntry entry : entries) {
                DiffEntry.ChangeType kind = entry.getChangeType();
                if (kind == DiffEntry.ChangeType.DELETE || kind == DiffEntry.ChangeType.RENAME) {
                    deletion(entry.getOldPath(), entry.getOldId().toObjectId(), rules, changes, deleted);
                }
                if (kind == DiffEntry.ChangeType.DELETE || rules.excluded(entry.getNewPath())) {
                    continue;
                }
                String path = entry.getNewPath();
                ObjectId blob = entry.getNewId().toObjectId();
                long size = FileMode.GITLINK.equals(entry.getNewMode()) ? 0 : reader.getObjectSize(blob, ObjectReader.OBJ_ANY);
                var refusal = rules.refusal(path, entry.getNewMode(), size);
                if (refusal.isPresent()) {
                    skipped.add(new ChangeSet.Skipped(path, refusal.get()));
                    if (kind == DiffEntry.ChangeType.MODIFY) {
                        // It was published before it became, say, a symlink: take the old page down.
                        deletion(path, entry.getOldId().toObjectId(), rules, changes, deleted);
                    }
                    continue;
                }
                String renamedFrom = kind == DiffEntry.ChangeType.RENAME ? entry.getOldPath() : null;
                ChangeType type = kind == DiffEntry.ChangeType.MODIFY ? ChangeType.MODIFIED : ChangeType.ADDED;
                changes.add(change(path, type, blob, renamedFrom));
                present.add(path);
            }

            Map<String, List<CommitInfo>> histories = LastChanges.of(repository, head, present);
            List<PathChange> written = changes.stream().filter(c -> c.type() != ChangeType.DELETED).toList();
            var changeSet = new ChangeSet(ChangeSet.SCHEMA_VERSION, repoId, ref, from.map(ObjectId::name).orElse(null),
                    head.name(), deliveryId, changes, skipped);
            return new Result(changeSet, deleted, written, histories, repository, inlineTextLimit);
        }
    }

    private static List<DiffEntry> diff(Repository repository, RevWalk walk, ObjectReader reader,
                                        Optional<ObjectId> from, RevCommit head) throws IOException {
        try (TreeWalk tree = new TreeWalk(repository, reader)) {
            tree.setRecursive(true);
            if (from.isPresent()) {
                var oldTree = new CanonicalTreeParser();
                oldTree.reset(reader, walk.parseCommit(from.get()).getTree());
                tree.addTree(oldTree);
            } else {
                tree.addTree(new EmptyTreeIterator());
            }
            tree.addTree(head.getTree());
            tree.setFilter(TreeFilter.ANY_DIFF);
            // Renames become a deletion plus an addition that names where it came from.
            RenameDetector renames = new RenameDetector(repository);
            renames.addAll(DiffEntry.scan(tree));
            try {
                return renames.compute(reader, NullProgressMonitor.INSTANCE);
            } catch (CanceledException e) {
                throw new IOException("rename detection was cancelled", e);
            }
        }
    }

    /** Deletions of paths that were never published (excluded, unsafe) are not reported. */
    private static void deletion(String path, ObjectId blob, ContentRules rules, List<PathChange> changes, List<String> deleted) {
        if (!rules.excluded(path) && ContentRules.unsafeName(path).isEmpty()) {
            changes.add(change(path, ChangeType.DELETED, blob, null));
            deleted.add(path);
        }
    }

    private static PathChange change(String path, ChangeType type, ObjectId blob, String renamedFrom) {
        return new PathChange(path, type, blob.name(), DocumentKinds.of(path), renamedFrom);
    }

    private static SourceDocument document(ObjectReader reader, ChangeSet changeSet, PathChange change,
                                           List<CommitInfo> history, long inlineTextLimit) throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        String text = null;
        if (change.kind() != DocumentKind.ASSET) {
            var loader = reader.open(ObjectId.fromString(change.blobId()));
            if (loader.getSize() > inlineTextLimit) {
                diagnostics.add(Diagnostic.error("too-large",
                        "file is " + loader.getSize() + " bytes; text files over " + inlineTextLimit + " bytes are not published"));
            } else {
                text = decode(loader.getBytes(), diagnostics);
            }
        }
        // Assets travel by claim check: the push consumer stores the blob under this key first.
        String blobRef = change.kind() == DocumentKind.ASSET ? BlobKeys.of(change.blobId()) : null;
        CommitInfo lastChange = history.isEmpty() ? null : history.getFirst();
        return new SourceDocument(SourceDocument.SCHEMA_VERSION, changeSet.repo(), changeSet.after(), change.path(),
                change.blobId(), change.kind(), text, blobRef, lastChange, diagnostics, history, changeSet.deliveryId());
    }

    /** Strict decoding ({@link TextDecoding}): damage is reported, never a lost document. */
    static String decode(byte[] bytes, List<Diagnostic> diagnostics) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        diagnostics.addAll(decoded.diagnostics());
        return decoded.text();
    }

    private PushDiff() {}
}
