package dev.inkstream.standalone;

import dev.inkstream.standalone.infra.TopicContents;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a {@code read_committed} reader finds on a topic: every record, oldest first within each partition. */
final class TopicReader {

    static List<ConsumerRecord<String, byte[]>> committed(String bootstrapServers, String topic) {
        return TopicContents.committed(bootstrapServers, topic);
    }

    private TopicReader() {}
}
