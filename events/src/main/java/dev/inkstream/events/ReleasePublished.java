package dev.inkstream.events;

import java.time.Instant;
import java.util.Map;

/**
 * A release became current in the bucket.
 *
 * @param objectsWritten   objects uploaded because their content hash changed
 * @param objectsUnchanged objects whose hash matched the previous release, so not uploaded
 * @param objectsDeleted   objects removed because their document is gone
 * @param timingsMillis    named phase durations (render-templates, upload, …)
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
        Map<String, Long> timingsMillis) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    public ReleasePublished {
        timingsMillis = timingsMillis == null ? Map.of() : Map.copyOf(timingsMillis);
    }
}
