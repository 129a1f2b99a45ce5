package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.EventSerializer;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.render.RenderSettings;
import dev.inkstream.support.tracing.RecordTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** Every line render logs about a document names it: repo, commit, delivery and path, in the MDC. */
class RenderListenerLogTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RenderListener.class);
    private final MockProducer<String, Object> producer =
            new MockProducer<>(true, null, new StringSerializer(), new EventSerializer());
    private final RenderListener listener = new RenderListener(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
            RenderSettings.DEFAULTS, new SimpleMeterRegistry(), RecordTracing.untraced());

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void aDocumentWithDiagnosticsIsLoggedWithItsRepoCommitDeliveryAndPath() {
        SourceDocument source = new SourceDocument(SourceDocument.SCHEMA_VERSION, "notes", "c0ffee", "posts/broken.md",
                "b1", DocumentKind.MARKDOWN, "---\ntitle: [never closed\n---\nBody.\n", null, null, List.of(), List.of(),
                "delivery-42");

        listener.renderDocuments(List.of(record("notes:posts/broken.md", EventJson.write(source))));

        assertThat(producer.history()).as("still rendered, as an error page").hasSize(1);
        assertThat(lines.list).as("the broken front matter is reported").hasSize(1);
        assertThat(lines.list.getFirst().getMDCPropertyMap()).containsAllEntriesOf(Map.of(
                "repo", "notes", "commit", "c0ffee", "delivery", "delivery-42", "path", "posts/broken.md"));
        assertThat(MDC.getCopyOfContextMap()).as("cleared after the document").isNullOrEmpty();
    }

    @Test
    void anUnreadableRecordIsLoggedWithTheRepoAndPathOfItsKey() {
        listener.renderDocuments(List.of(record("notes:posts/garbled.md",
                "{not a source document".getBytes(StandardCharsets.UTF_8))));

        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.getFirst().getFormattedMessage()).contains("unreadable source record");
        assertThat(lines.list.getFirst().getMDCPropertyMap())
                .containsAllEntriesOf(Map.of("repo", "notes", "path", "posts/garbled.md"))
                .doesNotContainKeys("commit", "delivery");
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.SOURCE, 0, 7, key, value);
    }
}
