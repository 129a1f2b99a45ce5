package dev.inkstream.support.kafka;

import dev.inkstream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends dead letters back to the topic they came from, after whatever made them fail was fixed.
 * Each dead letter is replayed once: the replay's own consumer group remembers how far it got,
 * and moving that mark and writing the records happen in one transaction. A record that still
 * fails simply becomes a new dead letter, so a replay can never loop or lose one.
 */
public final class DeadLetterReplay {

    /** The consumer group whose committed offsets mark what has been replayed. */
    public static final String GROUP = "inkstream-dlt-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    /** What is waiting in one dead-letter topic. */
    public record Pending(String deadLetterTopic, List<Letter> letters) {}

    /** One dead letter: where it came from and why it failed. */
    public record Letter(long offset, String key, String originalTopic, String exception, String message) {}

    private final String bootstrapServers;

    public DeadLetterReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Dead letters of {@code topic} not yet replayed. */
    public Pending pending(String topic) {
        List<Letter> letters = new ArrayList<>();
        try (var consumer = consumer()) {
            for (ConsumerRecord<String, byte[]> record : unreplayed(consumer, deadLetterTopic(topic))) {
                letters.add(new Letter(record.offset(), record.key(), header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC, topic),
                        header(record, KafkaHeaders.DLT_EXCEPTION_FQCN, "?"),
                        header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE, "")));
            }
        }
        return new Pending(deadLetterTopic(topic), letters);
    }

    /**
     * Writes every not yet replayed dead letter of {@code topic} back to its original topic, with
     * its key, value and original headers (the dead-letter ones dropped), and returns how many.
     */
    public int replay(String topic) {
        String dlt = deadLetterTopic(topic);
        try (var consumer = consumer(); var producer = producer()) {
            List<ConsumerRecord<String, byte[]>> records = unreplayed(consumer, dlt);
            if (records.isEmpty()) {
                return 0;
            }
            producer.initTransactions();
            producer.beginTransaction();
            try {
                Map<TopicPartition, OffsetAndMetadata> replayed = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    var again = new ProducerRecord<>(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC, topic), null,
                            record.key(), record.value());
                    for (Header h : record.headers()) {
                        if (!h.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
                            again.headers().add(h);
                        }
                    }
                    producer.send(again);
                    replayed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(replayed, consumer.groupMetadata());
                producer.commitTransaction();
            } catch (RuntimeException e) {
                // Never leave a transaction open: read_committed readers of the topic would wait on it.
                producer.abortTransaction();
                throw e;
            }
            return records.size();
        }
    }

    /** The dead-letter topic of one of the pipeline's topics; any other name is refused, not created. */
    private static String deadLetterTopic(String topic) {
        String original = topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()) : topic;
        if (Topics.ALL.stream().noneMatch(spec -> spec.name().equals(original))) {
            throw new IllegalArgumentException("no topic " + topic + "; the pipeline's topics are "
                    + Topics.ALL.stream().map(Topics.Spec::name).toList());
        }
        return original + Topics.DEAD_LETTER_SUFFIX;
    }

    /** Every record of the dead-letter topic after the replay group's committed offset. */
    private static List<ConsumerRecord<String, byte[]>> unreplayed(KafkaConsumer<String, byte[]> consumer, String dlt) {
        List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                .map(p -> new TopicPartition(dlt, p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata mark = committed.get(partition);
            if (mark == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, mark.offset());
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name, String otherwise) {
        Header header = record.headers().lastHeader(name);
        return header == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // One id for every replay: a second replay started while one runs fences the first, whose
        // transaction then aborts, so the same letters are never replayed twice.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
