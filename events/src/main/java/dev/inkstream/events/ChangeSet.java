package dev.inkstream.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one ingested push changed on the configured branch, written in the same Kafka
 * transaction as its {@link SourceDocument}s. Publish releases a change set once every rendered
 * path in it has its rendered version.
 *
 * @param before  the tree the diff was taken from (the last ingested commit), absent for a full import
 * @param after   the commit that is now the branch head
 * @param skipped files of the push that are not published, each with the reason the author sees
 * @param receivedAt when ingest accepted the webhook of the push this change set answers: the
 *                   start of push-to-live, which publish measures
 */
public record ChangeSet(
        int schemaVersion,
        String repo,
        String ref,
        @Nullable String before,
        String after,
        @Nullable String deliveryId,
        List<PathChange> changes,
        List<Skipped> skipped,
        @Nullable Instant receivedAt) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    public ChangeSet {
        changes = List.copyOf(changes);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public ChangeSet(int schemaVersion, String repo, String ref, @Nullable String before, String after,
                     @Nullable String deliveryId, List<PathChange> changes) {
        this(schemaVersion, repo, ref, before, after, deliveryId, changes, List.of(), null);
    }

    public ChangeSet(int schemaVersion, String repo, String ref, @Nullable String before, String after,
                     @Nullable String deliveryId, List<PathChange> changes, List<Skipped> skipped) {
        this(schemaVersion, repo, ref, before, after, deliveryId, changes, skipped, null);
    }

    public ChangeSet withReceivedAt(Instant receivedAt) {
        return new ChangeSet(schemaVersion, repo, ref, before, after, deliveryId, changes, skipped, receivedAt);
    }

    public enum ChangeType { ADDED, MODIFIED, DELETED }

    /**
     * One path of the change; {@code blobId} is the new blob, or the old one for a deletion. A
     * renamed file is a deletion plus an addition whose {@code renamedFrom} names the old path.
     */
    public record PathChange(String path, ChangeType type, String blobId, DocumentKind kind, @Nullable String renamedFrom) {

        public PathChange(String path, ChangeType type, String blobId, DocumentKind kind) {
            this(path, type, blobId, kind, null);
        }
    }

    /** A file of the push that is not published, and why. */
    public record Skipped(String path, Diagnostic reason) {}
}
