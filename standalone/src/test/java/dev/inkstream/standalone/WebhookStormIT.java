package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.PushReceived;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import dev.inkstream.ingest.webhook.WebhookSignatures;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook hammered as a busy forge and an attacker would together: thousands of deliveries,
 * each valid one redelivered many times, all in random order, with forged ones mixed in. Every
 * valid distinct push is recorded once, nothing forged enters Kafka, releases only ever move
 * forward along the branch, and a late delivery of an old commit never rolls the site back.
 */
class WebhookStormIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int COMMITS = 6;
    private static final int REDELIVERIES = 150;
    private static final int FORGED = 600;
    private static LocalRuntime runtime;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @Test
    void duplicateOutOfOrderAndForgedDeliveriesPublishEveryValidPushOnceAndNeverGoBack() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        List<String> commits = commitStormPages();
        String run = Long.toHexString(System.nanoTime());
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < COMMITS; i++) {
            for (int copy = 0; copy < REDELIVERIES; copy++) {
                deliveries.add(new Delivery("storm-" + run + "-valid-" + i, commits.get(i), runtime.webhookSecret()));
            }
        }
        for (int i = 0; i < FORGED; i++) {
            deliveries.add(new Delivery("storm-" + run + "-forged-" + i, commits.get(i % COMMITS), "guessed-secret-" + i));
        }
        Collections.shuffle(deliveries, new Random(7));

        Map<String, Set<Integer>> statuses = send(deliveries);

        assertThat(statuses.entrySet()).allSatisfy(e ->
                assertThat(e.getValue()).as(e.getKey()).containsExactly(e.getKey().contains("-forged-") ? 401 : 202));
        String head = commits.getLast();
        EdgeClient.awaitPage("/it/storm/page-" + (COMMITS - 1) + "/", body -> body.contains("Storm page " + (COMMITS - 1)));
        awaitCurrentCommit(head);

        List<String> recorded = pushes().stream().map(PushReceived::deliveryId)
                .filter(id -> id.startsWith("storm-" + run)).toList();
        assertThat(recorded).as("each valid delivery once, nothing forged")
                .containsExactlyInAnyOrderElementsOf(deliveries.stream().map(Delivery::id)
                        .filter(id -> id.contains("-valid-")).distinct().toList());

        // A late delivery of an older commit is recorded but moves nothing.
        String late = "storm-" + run + "-late";
        assertThat(new Delivery(late, commits.get(1), runtime.webhookSecret()).send(http)).isEqualTo(202);
        awaitIngestedPast(late);
        assertThat(Releases.currentCommit(runtime)).isEqualTo(head);

        // Releases of pushes; a refresh of the live commit (its translation dashboard) is not one.
        List<String> released = Releases.published(runtime).stream().filter(r -> r.outcome() == ReleasePublished.Outcome.PUBLISHED)
                .map(ReleasePublished::commit).filter(commits::contains).toList();
        assertThat(released).as("no commit released twice").doesNotHaveDuplicates();
        assertThat(released).as("releases follow the branch forward").isSortedAccordingTo(
                (a, b) -> Integer.compare(commits.indexOf(a), commits.indexOf(b)));
        assertThat(released.getLast()).isEqualTo(head);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    /** {@code COMMITS} commits on the demo branch, pushed without announcing them. */
    private List<String> commitStormPages() throws Exception {
        List<String> commits = new ArrayList<>();
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url())
                .setDirectory(work.resolve("clone").toFile()).call()) {
            for (int i = 0; i < COMMITS; i++) {
                Path file = work.resolve("clone/it/storm/page-" + i + ".md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "# Storm page " + i + "\n\nPushed in a storm.\n", StandardCharsets.UTF_8);
                git.add().addFilepattern(".").call();
                RevCommit commit = git.commit().setMessage("Storm page " + i).setAuthor("IT", "it@example.org")
                        .setSign(false).call();
                commits.add(commit.name());
            }
            synchronized (PipelineIT.class) {
                git.push().call();
            }
        }
        return commits;
    }

    private record Delivery(String id, String after, String secret) {

        int send(HttpClient http) throws Exception {
            byte[] body = EventJson.write(Map.of("repository", "demo", "ref", "refs/heads/main",
                    "before", "0".repeat(40), "after", after));
            HttpRequest request = HttpRequest.newBuilder(runtime.webhookUri())
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("X-Inkstream-Delivery", id)
                    .header("X-Inkstream-Signature", WebhookSignatures.signGitHub(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** Sends every delivery from 16 threads at once; the statuses seen per delivery id. */
    private Map<String, Set<Integer>> send(List<Delivery> deliveries) throws Exception {
        Map<String, Set<Integer>> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                sent.add(pool.submit(() -> {
                    int status = delivery.send(http);
                    statuses.computeIfAbsent(delivery.id(), id -> ConcurrentHashMap.newKeySet()).add(status);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    private static List<PushReceived> pushes() {
        return TopicReader.committed(runtime.bootstrapServers(), Topics.PUSH).stream()
                .map(r -> EventJson.read(r.value(), PushReceived.class)).toList();
    }

    private static void awaitCurrentCommit(String commit) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!commit.equals(Releases.currentCommit(runtime))) {
            assertThat(System.nanoTime()).as("release of " + commit + " within " + PATIENCE).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Waits until ingest has committed its offset past the push of {@code deliveryId} (the end
     * offset itself is no measure: transaction markers take offsets too).
     */
    private static void awaitIngestedPast(String deliveryId) throws Exception {
        long offset = TopicReader.committed(runtime.bootstrapServers(), Topics.PUSH).stream()
                .filter(r -> EventJson.read(r.value(), PushReceived.class).deliveryId().equals(deliveryId))
                .findFirst().orElseThrow().offset();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            TopicPartition partition = new TopicPartition(Topics.PUSH, 0);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                var committed = admin.listConsumerGroupOffsets("inkstream-ingest").partitionsToOffsetAndMetadata().get();
                if (committed.containsKey(partition) && committed.get(partition).offset() > offset) {
                    return;
                }
                assertThat(System.nanoTime()).as("ingest caught up within " + PATIENCE).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }
}
