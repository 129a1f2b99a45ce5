package dev.inkstream.events;

import java.time.Instant;

/**
 * A verified webhook delivery for a configured repository and branch.
 *
 * @param provider   forge that sent it: {@code github}, {@code gitlab}, {@code gitea}, {@code plain}
 * @param deliveryId the forge's delivery id, used to drop redeliveries
 * @param repo       configured repository id (never a URL from the payload)
 * @param ref        full ref name, e.g. {@code refs/heads/main}
 * @param before     commit the branch pointed at before the push (all zeros for a new branch)
 * @param after      commit the branch points at now
 */
public record PushReceived(
        int schemaVersion,
        String provider,
        String deliveryId,
        String repo,
        String ref,
        String before,
        String after,
        Instant receivedAt) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    public PushReceived(String provider, String deliveryId, String repo, String ref,
                        String before, String after, Instant receivedAt) {
        this(SCHEMA_VERSION, provider, deliveryId, repo, ref, before, after, receivedAt);
    }
}
