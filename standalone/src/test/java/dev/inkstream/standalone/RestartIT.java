package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.EventSerializer;
import dev.inkstream.events.PushReceived;
import dev.inkstream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services stopped and started again while work is in flight: a push recorded while ingest was
 * down is ingested once when it returns, and render restarted in the middle of a burst leaves
 * every document rendered exactly once as a {@code read_committed} reader sees it.
 */
class RestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static LocalRuntime runtime;

    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @Test
    void aPushRecordedWhileIngestIsDownIsIngestedOnceWhenItReturns() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        String head = commit(Map.of("it/restart-" + run + ".md", "# Recorded while down\n\nIngested once.\n"));

        runtime.stop("ingest");
        try {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer())) {
                producer.send(new ProducerRecord<>(Topics.PUSH, "demo", new PushReceived("plain", "restart-" + run, "demo",
                        "refs/heads/main", "0".repeat(40), head, java.time.Instant.now()))).get();
            }
        } finally {
            runtime.start("ingest");
        }

        EdgeClient.awaitPage("/it/restart-" + run + "/", body -> body.contains("Ingested once."));
        runtime.stop("ingest");
        runtime.start("ingest");
        // The same commit announced again after the second restart: already ingested, nothing new.
        assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);
        EdgeClient.awaitPage("/", body -> true);
        awaitQuiet(Topics.CHANGES);

        List<ChangeSet> changeSets = committed(Topics.CHANGES).stream()
                .map(r -> EventJson.read(r.value(), ChangeSet.class)).filter(c -> c.after().equals(head)).toList();
        assertThat(changeSets).as("one change set for the commit pushed while ingest was down").hasSize(1);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    @Test
    void renderRestartedInTheMiddleOfABurstRendersEveryDocumentOnce() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        int pages = 400;
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pages; i++) {
            files.put("it/burst-" + run + "/page-" + i + ".md", "# Burst page " + i + "\n\nRendered once.\n");
        }
        String head = commit(files);
        assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);

        String prefix = "demo:it/burst-" + run + "/";
        awaitCount(prefix, 1);
        runtime.stop("render");
        long renderedWhileUp = count(prefix);
        runtime.start("render");

        EdgeClient.awaitPage("/it/burst-" + run + "/page-" + (pages - 1) + "/", body -> body.contains("Rendered once."));
        awaitCount(prefix, pages);
        Map<String, Long> perKey = committed(Topics.RENDERED).stream().map(ConsumerRecord::key)
                .filter(k -> k.startsWith(prefix)).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perKey).as("every page of the burst").hasSize(pages);
        assertThat(perKey.values()).as("each rendered exactly once (%d before the restart)", renderedWhileUp)
                .allMatch(n -> n == 1);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    private String commit(Map<String, String> files) throws Exception {
        Path clone = Files.createTempDirectory(work, "clone");
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url()).setDirectory(clone.toFile()).call()) {
            for (var file : files.entrySet()) {
                Path path = clone.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Restart test " + UUID.randomUUID()).setAuthor("IT", "it@example.org").setSign(false).call();
            synchronized (PipelineIT.class) {
                git.pull().setRebase(true).call();
                git.push().call();
            }
            return git.log().setMaxCount(1).call().iterator().next().name();
        }
    }

    private static long count(String keyPrefix) {
        return committed(Topics.RENDERED).stream().filter(r -> r.key().startsWith(keyPrefix)).count();
    }

    private static void awaitCount(String keyPrefix, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count(keyPrefix) < atLeast) {
            assertThat(System.nanoTime()).as(atLeast + " rendered " + keyPrefix + " within " + PATIENCE).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Waits until {@code topic} has not grown for two seconds. */
    private static void awaitQuiet(String topic) throws InterruptedException {
        int last = -1;
        int now = committed(topic).size();
        while (now != last) {
            TimeUnit.SECONDS.sleep(2);
            last = now;
            now = committed(topic).size();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
        return TopicReader.committed(runtime.bootstrapServers(), topic);
    }
}
