package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.ReleasePublished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What a release tells an operator: push-to-live (from the webhook ingest accepted to this
 * release being live), as a histogram so p50/p95 can be read off Prometheus, and how many
 * objects releases wrote, left alone and deleted.
 */
@Component
public class ReleaseMetrics {

    private final Timer pushToLive;
    private final Counter written;
    private final Counter unchanged;
    private final Counter deleted;

    public ReleaseMetrics(MeterRegistry meters) {
        this.pushToLive = Timer.builder("inkstream.push.to.live")
                .description("From the push's webhook accepted by ingest to its release live in the bucket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
        this.written = objects(meters, "written");
        this.unchanged = objects(meters, "unchanged");
        this.deleted = objects(meters, "deleted");
    }

    private static Counter objects(MeterRegistry meters, String outcome) {
        return Counter.builder("inkstream.publish.objects").tag("outcome", outcome)
                .description("Objects of releases, by what the release did with them").register(meters);
    }

    void released(ChangeSet changeSet, ReleasePublished release) {
        Instant receivedAt = changeSet.receivedAt();
        // A change set from before receivedAt existed (replayed history) says nothing about latency.
        if (receivedAt != null) {
            pushToLive.record(Duration.between(receivedAt, release.publishedAt()));
        }
        written.increment(release.objectsWritten());
        unchanged.increment(release.objectsUnchanged());
        deleted.increment(release.objectsDeleted());
    }
}
