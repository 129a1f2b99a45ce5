package dev.inkstream.ingest.git;

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
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Turns "the branch moved from {@code from} to {@code to}" into the change set and the source
 * documents to write. The diff comes from the mirror, never from a payload's commit list (forges
 * truncate it); with no {@code from}, every file at {@code to} is added (a full import).
 */
public final class PushDiff {

    /** What one push contributes to Kafka: documents to write, paths to tombstone, and the change set. */
    public record Result(ChangeSet changeSet, List<SourceDocument> documents, List<String> deletedPaths) {}

    public static Result compute(Repository repository, String repoId, String ref, Optional<ObjectId> from,
                                 ObjectId to, long inlineTextLimit, String deliveryId) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit head = walk.parseCommit(to);
            List<DiffEntry> entries = diff(repository, walk, reader, from, head);

            List<PathChange> changes = new ArrayList<>();
            List<String> present = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (DiffEntry entry : entries) {
                switch (entry.getChangeType()) {
                    case ADD, COPY -> {
                        changes.add(change(entry.getNewPath(), ChangeType.ADDED, entry.getNewId().toObjectId()));
                        present.add(entry.getNewPath());
                    }
                    case MODIFY -> {
                        changes.add(change(entry.getNewPath(), ChangeType.MODIFIED, entry.getNewId().toObjectId()));
                        present.add(entry.getNewPath());
                    }
                    case DELETE -> {
                        changes.add(change(entry.getOldPath(), ChangeType.DELETED, entry.getOldId().toObjectId()));
                        deleted.add(entry.getOldPath());
                    }
                    case RENAME -> {
                        // Renames are not detected (no setDetectRenames), so this never happens; a
                        // rename arrives as delete + add.
                        throw new IllegalStateException("unexpected rename entry " + entry);
                    }
                }
            }

            Map<String, CommitInfo> lastChanges = LastChanges.of(repository, head, present);
            List<SourceDocument> documents = new ArrayList<>();
            for (PathChange change : changes) {
                if (change.type() != ChangeType.DELETED) {
                    documents.add(document(reader, repoId, head.name(), change, lastChanges.get(change.path()), inlineTextLimit));
                }
            }
            var changeSet = new ChangeSet(ChangeSet.SCHEMA_VERSION, repoId, ref, from.map(ObjectId::name).orElse(null),
                    head.name(), deliveryId, changes);
            return new Result(changeSet, documents, deleted);
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
            return DiffEntry.scan(tree);
        }
    }

    private static PathChange change(String path, ChangeType type, ObjectId blob) {
        return new PathChange(path, type, blob.name(), DocumentKinds.of(path));
    }

    private static SourceDocument document(ObjectReader reader, String repoId, String commit, PathChange change,
                                           CommitInfo lastChange, long inlineTextLimit) throws IOException {
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
        return new SourceDocument(SourceDocument.SCHEMA_VERSION, repoId, commit, change.path(), change.blobId(),
                change.kind(), text, null, lastChange, diagnostics);
    }

    /** Strict UTF-8; bytes that are not UTF-8 become U+FFFD and a warning, never a lost document. */
    static String decode(byte[] bytes, List<Diagnostic> diagnostics) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.warning("invalid-utf8",
                    "file is not valid UTF-8; undecodable bytes are shown as \uFFFD"));
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private PushDiff() {}
}
