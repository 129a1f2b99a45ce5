package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.EventSerializer;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.render.RenderSettings;
import dev.inkstream.support.tracing.RecordTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** A batch rendered on several threads is still sent as polled: each key's versions in their order. */
class RenderListenerTest {

    // The template closes its producer after each send outside a transaction: a new one each time.
    private final List<MockProducer<String, Object>> producers = new ArrayList<>();
    private final RenderListener listener = new RenderListener(new KafkaTemplate<>(new MockProducerFactory<>(() -> {
        MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), new EventSerializer());
        producers.add(producer);
        return producer;
    })),
            RenderSettings.DEFAULTS.withThreads(4), new SimpleMeterRegistry(), RecordTracing.untraced());

    @AfterEach
    void stop() {
        listener.destroy();
    }

    @Test
    void recordsAreSentInTheOrderTheyWerePolled() {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String path = "posts/p" + (i % 7) + ".md";
            String commit = "c" + i;
            // Long and short documents mixed, so they would finish out of order.
            String text = "# Post " + i + "\n\n" + "Some *text* with [a link](other.md).\n\n".repeat(i % 3 == 0 ? 400 : 1);
            if (i == 17) {
                batch.add(record("site:" + path, i, "{not a source document".getBytes(StandardCharsets.UTF_8)));
                expected.add(Topics.SOURCE + Topics.DEAD_LETTER_SUFFIX + " site:" + path);
            } else if (i == 31) {
                batch.add(record("site:" + path, i, null));
                expected.add(Topics.RENDERED + " site:" + path + " deleted");
            } else {
                batch.add(record("site:" + path, i, EventJson.write(new SourceDocument(SourceDocument.SCHEMA_VERSION, "site",
                        commit, path, "b" + i, DocumentKind.MARKDOWN, text, null, null, List.of()))));
                expected.add(Topics.RENDERED + " site:" + path + " " + commit);
            }
        }

        listener.renderDocuments(batch);

        assertThat(producers.stream().flatMap(producer -> producer.history().stream()).toList()).extracting(RenderListenerTest::describe).containsExactlyElementsOf(expected);
    }

    private static String describe(ProducerRecord<String, Object> sent) {
        String what = switch (sent.value()) {
            case null -> " deleted";
            case RenderedDocument rendered -> " " + rendered.commit();
            default -> "";
        };
        return sent.topic() + " " + sent.key() + what;
    }

    private static ConsumerRecord<String, byte[]> record(String key, long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.SOURCE, 0, offset, key, value);
    }
}
