package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record nobody can read, on every topic a service consumes: each lands in its topic's
 * dead-letter topic with the exception in headers, the services keep publishing, and
 * {@code inkstream dlt --replay} sends each back exactly once (still unreadable, it becomes a
 * dead letter again: nothing loops, nothing is lost).
 */
class PoisonIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> CONSUMED = List.of(Topics.PUSH, Topics.CHANGES, Topics.RENDERED);
    private static LocalRuntime runtime;

    @TempDir Path work;

    /**
     * A runtime of its own: the poison stays in the topics (push and change sets are not
     * compacted), and other tests read those topics whole.
     */
    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new LocalRuntime.Options(Files.createTempDirectory("inkstream-poison"), List.of(), 0, 0,
                "Poison"));
        runtime.announceAll();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void poisonOnEveryConsumedTopicIsDeadLetteredThePipelineGoesOnAndReplayIsOnce() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        String key = "demo:it/poison-" + run + ".md";
        for (String topic : CONSUMED) {
            produce(topic, key, "{not a record of " + topic + " " + run);
        }

        for (String topic : CONSUMED) {
            ConsumerRecord<String, byte[]> dead = awaitDeadLetters(topic, run, 1).getFirst();
            assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
            assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).as(topic).isNotBlank();
            assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).as(topic).isNotBlank();
        }
        publishAPage(run, "after the poison");

        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        new DeadLetterCommand(runtime.dataDir(), CONSUMED, false, new PrintStream(listing, true, StandardCharsets.UTF_8))
                .run(runtime.bootstrapServers());
        assertThat(listing.toString(StandardCharsets.UTF_8)).contains(key, "./inkstream dlt --replay");

        ByteArrayOutputStream replay = new ByteArrayOutputStream();
        new DeadLetterCommand(runtime.dataDir(), CONSUMED, true, new PrintStream(replay, true, StandardCharsets.UTF_8))
                .run(runtime.bootstrapServers());
        for (String topic : CONSUMED) {
            assertThat(replay.toString(StandardCharsets.UTF_8)).contains("to " + topic);
            // Replayed once, unreadable still, so dead again: two letters of this run, no more.
            assertThat(awaitDeadLetters(topic, run, 2)).hasSize(2);
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new DeadLetterCommand(runtime.dataDir(), CONSUMED, true, new PrintStream(again, true, StandardCharsets.UTF_8))
                .run(runtime.bootstrapServers());
        for (String topic : CONSUMED) {
            assertThat(awaitDeadLetters(topic, run, 3)).as("the second replay sends the new letter only").hasSize(3);
        }
        publishAPage(run, "after the replay");
        // A compacted topic keeps the last value of a key: a tombstone lets the poison go.
        produce(Topics.RENDERED, key, null);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    private void publishAPage(String run, String text) throws Exception {
        Path clone = Files.createTempDirectory(work, "clone");
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url()).setDirectory(clone.toFile()).call()) {
            Path file = clone.resolve("it/poison-" + run + "-page.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Still publishing\n\n" + text + "\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            git.commit().setMessage(text).setAuthor("IT", "it@example.org").setSign(false).call();
            git.push().call();
            String head = git.log().setMaxCount(1).call().iterator().next().name();
            assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);
        }
        awaitPage("/it/poison-" + run + "-page/", text);
    }

    private static void awaitPage(String path, String text) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = runtime.edgeUri().resolve(path.substring(1));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && page.body().contains(text)) {
                return;
            }
            assertThat(System.nanoTime()).as(path + " with '" + text + "' within " + PATIENCE).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void produce(String topic, String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** The dead letters of {@code topic} from this run, once there are at least {@code count}. */
    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String topic, String run, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<ConsumerRecord<String, byte[]>> found = List.of();
        while (System.nanoTime() < deadline) {
            found = TopicReader.committed(runtime.bootstrapServers(), topic + Topics.DEAD_LETTER_SUFFIX).stream()
                    .filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).endsWith(run))
                    .toList();
            if (found.size() >= count) {
                return found;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError(count + " dead letters of " + topic + " expected within " + PATIENCE + ", found " + found.size());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
