package dev.inkstream.standalone;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code releases.v1} for what became of one commit's release since a moment: the only
 * way to learn of a dry run or a held release, which leave the bucket as it was.
 */
final class ReleaseWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String repo;
    private final String commit;
    private final Instant since;

    ReleaseWatcher(String bootstrapServers, String repo, String commit, Instant since) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.repo = repo;
        this.commit = commit;
        this.since = since;
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELEASES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first release of the commit published at or after {@code since} among the next records, if any. */
    Optional<ReleasePublished> poll(Duration timeout) {
        for (var record : consumer.poll(timeout)) {
            ReleasePublished release = EventJson.read(record.value(), ReleasePublished.class);
            if (release.repo().equals(repo) && release.commit().equals(commit) && !release.publishedAt().isBefore(since)) {
                return Optional.of(release);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
