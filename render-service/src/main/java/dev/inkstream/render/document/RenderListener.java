package dev.inkstream.render.document;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-process-write from {@code source.v1} to {@code rendered.v1}, exactly once: the rendered
 * record and the source offset commit in the listener container's Kafka transaction.
 */
@Component
public class RenderListener {

    private static final Logger log = LoggerFactory.getLogger(RenderListener.class);

    private final DocumentRenderer renderer = new DocumentRenderer();
    private final KafkaTemplate<String, Object> kafka;

    public RenderListener(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @KafkaListener(id = "inkstream-render-source", topics = Topics.SOURCE)
    public void renderDocument(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            kafka.send(Topics.RENDERED, record.key(), null);
            return;
        }
        SourceDocument source = EventJson.read(record.value(), SourceDocument.class);
        if (!source.kind().rendered()) {
            return;
        }
        RenderedDocument rendered = renderer.render(source);
        if (!rendered.diagnostics().isEmpty()) {
            log.info("rendered repo={} commit={} path={} with diagnostics: {}",
                    source.repo(), source.commit(), source.path(), rendered.diagnostics());
        }
        kafka.send(Topics.RENDERED, record.key(), rendered);
    }
}
