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
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>A document that cannot be rendered still becomes a rendered document, with an error
 * diagnostic. A record that cannot even be read goes to {@code source.v1.dlt} in the same
 * transaction: reading is deterministic, so retrying it would only fail again.
 */
@Component
public class RenderListener {

    private static final Logger log = LoggerFactory.getLogger(RenderListener.class);

    private final DocumentRenderer renderer;
    private final KafkaTemplate<String, Object> kafka;
    private final MeterRegistry meters;
    private final RecordTracing tracing;

    public RenderListener(KafkaTemplate<String, Object> kafka, RenderSettings settings, MeterRegistry meters,
                          RecordTracing tracing) {
        this.kafka = kafka;
        this.renderer = new DocumentRenderer(settings);
        this.meters = meters;
        this.tracing = tracing;
    }

    /**
     * Each record is rendered in a span of its push's trace (records of several pushes may share a
     * batch), so the rendered record carries that trace on to publish.
     */
    @KafkaListener(id = "inkstream-render-source", idIsGroup = false, topics = Topics.SOURCE, batch = "true")
    public void renderDocuments(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            String key = record.key() == null ? "" : record.key();
            try (TracedStep step = tracing.continueTrace(record.headers(), "render " + pathOf(key))
                    .repo(repoOf(key)).path(pathOf(key))) {
                renderDocument(record, step);
            }
        }
    }

    /** The key names the document even when the value cannot be read: {@code repo:path}. */
    private static String repoOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static String pathOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    private void renderDocument(ConsumerRecord<String, byte[]> record, TracedStep step) {
        if (record.value() == null) {
            kafka.send(Topics.RENDERED, record.key(), null);
            return;
        }
        SourceDocument source;
        try {
            source = EventJson.read(record.value(), SourceDocument.class);
        } catch (JacksonException e) {
            step.failed(e);
            log.error("unreadable source record {} at {}-{}@{} sent to the dead-letter topic: {}",
                    record.key(), record.topic(), record.partition(), record.offset(), e.getOriginalMessage());
            kafka.send(DeadLetterRecords.of(record, e));
            meters.counter("inkstream.dead.letters", "topic", record.topic()).increment();
            return;
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
        kafka.send(Topics.RENDERED, record.key(), rendered);
    }
}
