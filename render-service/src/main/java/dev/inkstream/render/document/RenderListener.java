package dev.inkstream.render.document;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.render.RenderSettings;
import dev.inkstream.support.kafka.DeadLetterRecords;
import dev.inkstream.support.tracing.RecordTracing;
import dev.inkstream.support.tracing.TracedStep;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Read-process-write from {@code source.v1} to {@code rendered.v1}, exactly once: each polled
 * batch is one Kafka transaction holding its rendered records and its source offsets. (One
 * transaction per record costs a commit round trip per document, which made a full import of a
 * few hundred files take tens of seconds.)
 *
 * <p>The documents of a batch are read and rendered on {@link RenderSettings#renderThreads()}
 * threads at once, and sent from the listener's thread in the order they were polled, so the
 * batch is still one transaction and each key's records keep their order.
 *
 * <p>A document that cannot be rendered still becomes a rendered document, with an error
 * diagnostic. A record that cannot even be read goes to {@code source.v1.dlt} in the same
 * transaction: reading is deterministic, so retrying it would only fail again.
 */
@Component
public class RenderListener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RenderListener.class);

    private final DocumentRenderer renderer;
    private final KafkaTemplate<String, Object> kafka;
    private final MeterRegistry meters;
    private final RecordTracing tracing;
    private final ExecutorService batchWorkers;

    public RenderListener(KafkaTemplate<String, Object> kafka, RenderSettings settings, MeterRegistry meters,
                          RecordTracing tracing) {
        this.kafka = kafka;
        this.renderer = new DocumentRenderer(settings);
        this.meters = meters;
        this.tracing = tracing;
        this.batchWorkers = Executors.newFixedThreadPool(settings.renderThreads(),
                Thread.ofPlatform().daemon().name("inkstream-render-batch-", 0).factory());
    }

    /**
     * Each record is rendered in a span of its push's trace (records of several pushes may share a
     * batch), so the rendered record carries that trace on to publish.
     */
    @KafkaListener(id = "inkstream-render-source", idIsGroup = false, topics = Topics.SOURCE, batch = "true")
    public void renderDocuments(List<ConsumerRecord<String, byte[]>> records) {
        List<Future<ProducerRecord<String, Object>>> outcomes = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                outcomes.add(batchWorkers.submit(() -> renderRecord(record)));
            }
            for (Future<ProducerRecord<String, Object>> outcome : outcomes) {
                kafka.send(resultOf(outcome));
            }
        } finally {
            // Only left over when the batch failed: it is polled again, so its other records need not finish.
            outcomes.forEach(outcome -> outcome.cancel(false));
        }
    }

    /** The record to send for {@code record}, with the trace of the step that rendered it. */
    private ProducerRecord<String, Object> renderRecord(ConsumerRecord<String, byte[]> record) {
        String key = record.key() == null ? "" : record.key();
        try (TracedStep step = tracing.continueTrace(record.headers(), "render " + pathOf(key))
                .repo(repoOf(key)).path(pathOf(key))) {
            ProducerRecord<String, Object> out = renderDocument(record, step);
            // Sent later from the listener's thread, where this step's span is no longer current.
            tracing.inject(out.headers());
            return out;
        }
    }

    private static ProducerRecord<String, Object> resultOf(Future<ProducerRecord<String, Object>> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering a batch", e);
        }
    }

    @Override
    public void destroy() {
        batchWorkers.shutdownNow();
    }

    /** The key names the document even when the value cannot be read: {@code repo:path}. */
    private static String repoOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static String pathOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    private ProducerRecord<String, Object> renderDocument(ConsumerRecord<String, byte[]> record, TracedStep step) {
        if (record.value() == null) {
            return new ProducerRecord<>(Topics.RENDERED, record.key(), null);
        }
        SourceDocument source;
        try {
            source = EventJson.read(record.value(), SourceDocument.class);
        } catch (JacksonException e) {
            step.failed(e);
            log.error("unreadable source record {} at {}-{}@{} sent to the dead-letter topic: {}",
                    record.key(), record.topic(), record.partition(), record.offset(), e.getOriginalMessage());
            meters.counter("inkstream.dead.letters", "topic", record.topic()).increment();
            return DeadLetterRecords.of(record, e);
        }
        step.commit(source.commit()).delivery(source.deliveryId());
        Timer.Sample sample = Timer.start(meters);
        RenderedDocument rendered = renderer.render(source);
        sample.stop(meters.timer("inkstream.render.duration", "kind", source.kind().name().toLowerCase(java.util.Locale.ROOT)));
        rendered.diagnostics().forEach(d -> meters.counter("inkstream.render.diagnostics",
                "code", d.code(), "severity", d.severity().name().toLowerCase(java.util.Locale.ROOT)).increment());
        if (!rendered.diagnostics().isEmpty()) {
            log.info("rendered repo={} commit={} path={} with diagnostics: {}",
                    source.repo(), source.commit(), source.path(), rendered.diagnostics());
        }
        return new ProducerRecord<>(Topics.RENDERED, record.key(), rendered);
    }
}
