package dev.inkstream.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.CloudEventHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The header side of tracing, on the real OpenTelemetry SDK through Micrometer's bridge, as the services run it. */
class RecordTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = provider.get("test");
    private final OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {});
    private final RecordTracing tracing = new RecordTracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aStepContinuesTheRecordsTraceAndHandsOnItsOwnSpan() {
        Headers incoming = headers("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01");
        Headers outgoing = new RecordHeaders();
        try (TracedStep step = tracing.continueTrace(incoming, "render posts/hello.md")) {
            assertThat(step.traceId()).isEqualTo(TRACE_ID);
            assertThat(step.spanId()).isNotEqualTo(PARENT_SPAN_ID);
            tracing.inject(outgoing);
            assertThat(traceparent(outgoing)).hasValueSatisfying(value ->
                    assertThat(value).startsWith("00-" + TRACE_ID + "-" + step.spanId() + "-"));
        }
    }

    @Test
    void aMalformedTraceparentStartsANewTraceInsteadOfFailing() {
        for (String malformed : new String[] {"garbage", "00-" + TRACE_ID + "-short-01", "00-" + "0".repeat(32) + "-"
                + PARENT_SPAN_ID + "-01", "ff-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01", ""}) {
            try (TracedStep step = tracing.continueTrace(headers(malformed), "render x.md")) {
                assertThat(step.traceId()).as("for '%s'", malformed).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID)
                        .isNotEqualTo("0".repeat(32));
                Headers outgoing = new RecordHeaders();
                tracing.inject(outgoing);
                assertThat(traceparent(outgoing)).as("the new trace is handed on").hasValueSatisfying(value ->
                        assertThat(value).startsWith("00-" + step.traceId() + "-" + step.spanId() + "-"));
            }
        }
    }

    @Test
    void aRecordWithoutTraceStartsANewOneEvenWhileAnotherSpanIsCurrent() {
        Span unrelated = tracer.nextSpan().name("unrelated").start();
        try (var scope = tracer.withSpan(unrelated);
             TracedStep step = tracing.continueTrace(new RecordHeaders(), "ingest push demo")) {
            assertThat(step.traceId()).isNotEqualTo(unrelated.context().traceId());
        } finally {
            unrelated.end();
        }
    }

    @Test
    void aStepWithinAStepIsItsChildInTheSameTrace() {
        try (TracedStep release = tracing.continueTrace(headers("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01"), "publish");
             TracedStep deploy = tracing.step("deploy")) {
            assertThat(deploy.traceId()).isEqualTo(release.traceId());
            assertThat(deploy.spanId()).isNotEqualTo(release.spanId());
        }
    }

    @Test
    void aRecordThatCarriesATraceKeepsItAndNoStepMeansNoHeader() {
        Headers replayed = headers("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01");
        try (TracedStep step = tracing.step("replay")) {
            tracing.inject(replayed);
        }
        assertThat(replayed.headers(CloudEventHeaders.TRACEPARENT)).hasSize(1);
        assertThat(traceparent(replayed)).contains("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01");

        Headers untraced = new RecordHeaders();
        tracing.inject(untraced);
        assertThat(traceparent(untraced)).isEmpty();
    }

    @Test
    void theStepsLogFieldsAreInTheMdcUntilItClosesAndNestedOnesRestoreTheOuter() {
        MDC.put(LogFields.REPO, "outer");
        try (TracedStep step = tracing.step("render").repo("demo").commit("abc123").delivery(null).path("a.md")) {
            assertThat(MDC.get(LogFields.REPO)).isEqualTo("demo");
            assertThat(MDC.get(LogFields.COMMIT)).isEqualTo("abc123");
            assertThat(MDC.get(LogFields.DELIVERY)).as("an absent value is left out").isNull();
            try (LogFields inner = LogFields.open().path("b.md")) {
                assertThat(MDC.get(LogFields.PATH)).isEqualTo("b.md");
            }
            assertThat(MDC.get(LogFields.PATH)).isEqualTo("a.md");
        } finally {
            assertThat(MDC.get(LogFields.REPO)).isEqualTo("outer");
            assertThat(MDC.get(LogFields.COMMIT)).isNull();
            assertThat(MDC.get(LogFields.PATH)).isNull();
            MDC.clear();
        }
    }

    private static Headers headers(String traceparent) {
        Headers headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Optional<String> traceparent(Headers headers) {
        return CloudEventHeaders.get(headers, CloudEventHeaders.TRACEPARENT);
    }
}
