package dev.inkstream.support.tracing;

import dev.inkstream.events.CloudEventHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Carries one push's trace from record to record. Spring Kafka's observations cover record
 * listeners only, and most of ours take batches, so the adapters continue the trace of each
 * record themselves: {@link #continueTrace} on the way in, and every record a producer sends while
 * a step is open gets its {@code traceparent} from {@link #inject} (through
 * {@link TraceparentInterceptor} on the services' Kafka template).
 */
public final class RecordTracing {

    private static final Propagator.Getter<Headers> FROM_HEADERS =
            (headers, name) -> CloudEventHeaders.get(headers, name).orElse(null);
    private static final Propagator.Setter<Headers> TO_HEADERS = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public RecordTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Steps that trace nothing (their log fields still apply): for tools and tests without a tracer. */
    public static RecordTracing untraced() {
        return new RecordTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * A step named {@code name}, child of the span in the record's {@code traceparent}; the first
     * span of a new trace when the record has none or one that cannot be read (a tracing header
     * never fails a record). Whatever span the calling thread had is not the parent: a record's
     * trace is the record's own.
     */
    public TracedStep continueTrace(Headers headers, String name) {
        Span span;
        try (Tracer.SpanInScope none = tracer.withSpan(null)) {
            span = propagator.extract(headers, FROM_HEADERS).name(name).kind(Span.Kind.CONSUMER).start();
        }
        return new TracedStep(span, tracer.withSpan(span));
    }

    /** A step within the current one (a child span), or the first of a new trace when none is open. */
    public TracedStep step(String name) {
        Span span = tracer.nextSpan().name(name).start();
        return new TracedStep(span, tracer.withSpan(span));
    }

    /** Hands the current span on in {@code headers}, unless they carry a trace already (a replayed record keeps its own). */
    public void inject(Headers headers) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current != null && headers.lastHeader(CloudEventHeaders.TRACEPARENT) == null) {
            propagator.inject(current, headers, TO_HEADERS);
        }
    }
}
