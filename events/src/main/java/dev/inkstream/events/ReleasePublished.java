package dev.inkstream.events;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A release became current in the bucket.
 *
 * @param objectsWritten   objects uploaded because their content hash changed
 * @param objectsUnchanged objects whose hash matched the previous release, so not uploaded
 * @param objectsDeleted   objects removed because their document is gone
 * @param timingsMillis    named phase durations (render-templates, upload, …)
 * @param outcome          whether the release went live, or was only planned, or held back
 * @param note             for a release not published, why and what to do (the plan of a dry run,
 *                         how to confirm a held one)
 */
public record ReleasePublished(
        int schemaVersion,
        String repo,
        String commit,
        String releaseId,
        int documents,
        int objectsWritten,
        int objectsUnchanged,
        int objectsDeleted,
        int diagnostics,
        Instant publishedAt,
        Map<String, Long> timingsMillis,
        Outcome outcome,
        @Nullable String note) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    /** What became of the release; absent on the wire (older writers) means {@code PUBLISHED}. */
    public enum Outcome {
        /** {@code current.json} names it: it is live. */
        PUBLISHED,
        /** Planned only ({@code dry-run}): nothing was written. */
        DRY_RUN,
        /** Not deployed until an operator confirms (too many deletions) or a new commit arrives. */
        HELD,
        /**
         * The live commit published again because something besides a push changed what it
         * shows (the translation findings of its dashboard); live, but not a push's release.
         */
        REFRESHED
    }

    public ReleasePublished {
        timingsMillis = timingsMillis == null ? Map.of() : Map.copyOf(timingsMillis);
        outcome = outcome == null ? Outcome.PUBLISHED : outcome;
    }

    /** This release as a refresh of the live commit rather than a push's release. */
    public ReleasePublished asRefresh(String why) {
        return new ReleasePublished(schemaVersion, repo, commit, releaseId, documents, objectsWritten, objectsUnchanged,
                objectsDeleted, diagnostics, publishedAt, timingsMillis, Outcome.REFRESHED, why);
    }

    /** A release that went live. */
    public ReleasePublished(int schemaVersion, String repo, String commit, String releaseId, int documents,
                            int objectsWritten, int objectsUnchanged, int objectsDeleted, int diagnostics,
                            Instant publishedAt, Map<String, Long> timingsMillis) {
        this(schemaVersion, repo, commit, releaseId, documents, objectsWritten, objectsUnchanged, objectsDeleted,
                diagnostics, publishedAt, timingsMillis, Outcome.PUBLISHED, null);
    }
}
