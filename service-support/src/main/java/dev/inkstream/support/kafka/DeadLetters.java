package dev.inkstream.support.kafka;

import dev.inkstream.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where records go that keep failing: {@code <topic>.dlt}, with the original key and value bytes
 * and spring-kafka's exception headers, so they can be replayed after a fix.
 */
public final class DeadLetters implements AutoCloseable {

    private final DefaultKafkaProducerFactory<Object, Object> producerFactory;
    private final KafkaTemplate<Object, Object> template;
    private final MeterRegistry meters;

    public DeadLetters(Map<String, Object> producerProperties, MeterRegistry meters) {
        this.meters = meters;
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producerFactory = new DefaultKafkaProducerFactory<>(config);
        this.template = new KafkaTemplate<>(producerFactory);
    }

    /**
     * The dead-letter topic has one partition; Kafka picks it. Every dead letter is counted by
     * topic ({@code inkstream.dead.letters}): a rising count is what an operator alerts on.
     */
    public ConsumerRecordRecoverer recoverer() {
        var publisher = new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception e) ->
                        new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        return (record, e) -> {
            publisher.accept(record, e);
            meters.counter("inkstream.dead.letters", "topic", record.topic()).increment();
        };
    }

    @Override
    public void close() {
        producerFactory.destroy();
    }
}
