package dev.inkstream.support.kafka;

import dev.inkstream.events.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where records go that keep failing: {@code <topic>.dlt}, with the original key and value bytes
 * and spring-kafka's exception headers, so they can be replayed after a fix.
 */
public final class DeadLetters implements AutoCloseable {

    private final DefaultKafkaProducerFactory<Object, Object> producerFactory;
    private final KafkaTemplate<Object, Object> template;

    public DeadLetters(Map<String, Object> producerProperties) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producerFactory = new DefaultKafkaProducerFactory<>(config);
        this.template = new KafkaTemplate<>(producerFactory);
    }

    /** The dead-letter topic has one partition; Kafka picks it. */
    public DeadLetterPublishingRecoverer recoverer() {
        return new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception e) ->
                        new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
    }

    @Override
    public void close() {
        producerFactory.destroy();
    }
}
