package dev.inkstream.support.kafka;

import dev.inkstream.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record that cannot be read, addressed to its topic's dead-letter topic with the same headers
 * spring-kafka's dead-letter publisher writes, so both kinds of dead letters read alike.
 */
public final class DeadLetterRecords {

    public static ProducerRecord<String, Object> of(ConsumerRecord<String, byte[]> failed, Exception cause) {
        var record = new ProducerRecord<String, Object>(failed.topic() + Topics.DEAD_LETTER_SUFFIX, null,
                failed.key(), failed.value());
        Headers headers = record.headers();
        failed.headers().forEach(headers::add);
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(failed.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, bytes(String.valueOf(failed.partition())));
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, bytes(String.valueOf(failed.offset())));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes(cause.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(String.valueOf(cause.getMessage())));
        return record;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DeadLetterRecords() {}
}
