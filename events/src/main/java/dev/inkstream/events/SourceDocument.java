package dev.inkstream.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One file of the content repository at a commit. Keyed {@code repo:path} on a compacted
 * topic; a deleted file is a tombstone.
 *
 * @param commit     commit the file was read at (the push's {@code after})
 * @param blobId     git blob id of the content
 * @param text       UTF-8 text when inline; absent for assets and files over the inline limit
 * @param blobRef    claim-check reference to the content in the object store, when not inline
 * @param lastChange the commit that last changed this file, when known
 * @param history    the commits that changed this file, newest first, up to a bound: with two
 *                   files' histories, "how many commits has A received since B last changed" is
 *                   answered without going back to git
 * @param deliveryId the webhook delivery of the push that wrote this version, so every log line
 *                   about the document can name it; absent in records written before it existed
 */
public record SourceDocument(
        int schemaVersion,
        String repo,
        String commit,
        String path,
        String blobId,
        DocumentKind kind,
        @Nullable String text,
        @Nullable String blobRef,
        @Nullable CommitInfo lastChange,
        List<Diagnostic> diagnostics,
        List<CommitInfo> history,
        @Nullable String deliveryId) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    public SourceDocument {
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public SourceDocument(int schemaVersion, String repo, String commit, String path, String blobId, DocumentKind kind,
                          @Nullable String text, @Nullable String blobRef, @Nullable CommitInfo lastChange,
                          List<Diagnostic> diagnostics, List<CommitInfo> history) {
        this(schemaVersion, repo, commit, path, blobId, kind, text, blobRef, lastChange, diagnostics, history, null);
    }

    public SourceDocument(int schemaVersion, String repo, String commit, String path, String blobId, DocumentKind kind,
                          @Nullable String text, @Nullable String blobRef, @Nullable CommitInfo lastChange,
                          List<Diagnostic> diagnostics) {
        this(schemaVersion, repo, commit, path, blobId, kind, text, blobRef, lastChange, diagnostics, List.of());
    }
}
