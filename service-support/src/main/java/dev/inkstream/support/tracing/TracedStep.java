package dev.inkstream.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * One step of a push's way through the pipeline (ingesting it, rendering a document, publishing a
 * release): a span in scope, so records sent meanwhile carry it on and log lines show its trace
 * id, and the {@link LogFields} naming what the step works on, as span tags and in the MDC. For
 * try-with-resources; closing ends the span and restores the log fields.
 */
public final class TracedStep implements AutoCloseable {

    private final Span span;
    private final Tracer.SpanInScope scope;
    private final LogFields fields = LogFields.open();

    TracedStep(Span span, Tracer.SpanInScope scope) {
        this.span = span;
        this.scope = scope;
    }

    public TracedStep repo(@Nullable String repo) {
        return field(LogFields.REPO, repo);
    }

    public TracedStep commit(@Nullable String commit) {
        return field(LogFields.COMMIT, commit);
    }

    public TracedStep delivery(@Nullable String delivery) {
        return field(LogFields.DELIVERY, delivery);
    }

    public TracedStep path(@Nullable String path) {
        return field(LogFields.PATH, path);
    }

    /** Marks the span failed; the step's own code decides whether to go on or rethrow. */
    public void failed(Throwable error) {
        span.error(error);
    }

    public String traceId() {
        return span.context().traceId();
    }

    public String spanId() {
        return span.context().spanId();
    }

    private TracedStep field(String key, @Nullable String value) {
        if (value != null) {
            span.tag(key, value);
            fields.put(key, value);
        }
        return this;
    }

    @Override
    public void close() {
        fields.close();
        scope.close();
        span.end();
    }
}
