package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.CloudEventHeaders;
import dev.inkstream.support.tracing.RecordTracing;
import dev.inkstream.support.tracing.TracedStep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The trace each change set arrived with, kept until its release: a release goes out when the
 * last of its documents is rendered, long after the change set's record was read, and continues
 * the push's trace then. Only the consumer thread uses it.
 */
final class ReleaseTraces {

    /** Change sets waiting for their documents; far more than a queue holds in practice. */
    private static final int REMEMBERED = 1_000;

    private final RecordTracing tracing;
    private final Map<String, Headers> traces = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Headers> eldest) {
            return size() > REMEMBERED;
        }
    };

    ReleaseTraces(RecordTracing tracing) {
        this.tracing = tracing;
    }

    void remember(ChangeSet changeSet, Headers headers) {
        Headers trace = new RecordHeaders();
        var traceparent = headers.lastHeader(CloudEventHeaders.TRACEPARENT);
        if (traceparent != null) {
            trace.add(traceparent);
        }
        traces.put(key(changeSet), trace);
    }

    /** The release of {@code changeSet} as a step of its push's trace (of a new one when its trace is not known). */
    TracedStep publishing(ChangeSet changeSet) {
        return step(changeSet, "publish release ");
    }

    /** The live release republished with new translation groups: a late consequence of the same push. */
    TracedStep refreshing(ChangeSet changeSet) {
        return step(changeSet, "refresh translation dashboard ");
    }

    private TracedStep step(ChangeSet changeSet, String name) {
        // Kept, not removed: a release that fails is retried, in the same trace.
        Headers trace = traces.get(key(changeSet));
        return tracing.continueTrace(trace == null ? new RecordHeaders() : trace, name + changeSet.after())
                .repo(changeSet.repo()).commit(changeSet.after()).delivery(changeSet.deliveryId());
    }

    private static String key(ChangeSet changeSet) {
        return changeSet.repo() + ":" + changeSet.after();
    }
}
