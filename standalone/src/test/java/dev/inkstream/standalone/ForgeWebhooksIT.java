package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.PushReceived;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each forge's push webhook, in the shape the forge sends it, produces the right change set
 * against a real repository; a burst of deliveries with duplicates loses and duplicates nothing.
 */
class ForgeWebhooksIT {

    private static LocalRuntime runtime;
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @Test
    void gitLabPushHookProducesTheChangeSet() throws Exception {
        RevCommit head = commitToDemo("it/gitlab.md", "# From GitLab\n");
        String delivery = "gitlab-" + head.name();
        byte[] body = json(Map.of("object_kind", "push", "ref", "refs/heads/main", "before", "0".repeat(40),
                "after", head.name(), "project", Map.of("name", "demo", "path_with_namespace", "demo"),
                "repository", Map.of("name", "demo"), "total_commits_count", 1));

        var response = post("gitlab", body, Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Event-UUID", delivery,
                "X-Gitlab-Token", runtime.webhookSecret()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(recordedPush(delivery)).satisfies(push -> {
            assertThat(push.provider()).isEqualTo("gitlab");
            assertThat(push.repo()).isEqualTo("demo");
            assertThat(push.after()).isEqualTo(head.name());
        });
        assertThat(awaitChangeSetWith("it/gitlab.md").after()).isEqualTo(head.name());
        EdgeClient.awaitPage("/it/gitlab/", page -> page.contains("From GitLab"));
    }

    @Test
    void giteaAndForgejoPushesProduceTheChangeSet() throws Exception {
        for (String forge : List.of("gitea", "forgejo")) {
            RevCommit head = commitToDemo("it/" + forge + ".md", "# From " + forge + "\n");
            String delivery = forge + "-" + head.name();
            byte[] body = json(Map.of("ref", "refs/heads/main", "before", "0".repeat(40), "after", head.name(),
                    "repository", Map.of("name", "demo", "full_name", "demo")));
            String header = forge.equals("gitea") ? "Gitea" : "Forgejo";

            var response = post(forge, body, Map.of("X-" + header + "-Event", "push", "X-" + header + "-Delivery", delivery,
                    "X-" + header + "-Signature", hexHmac(runtime.webhookSecret(), body)));

            assertThat(response.statusCode()).as(forge + ": " + response.body()).isEqualTo(202);
            assertThat(recordedPush(delivery).provider()).isEqualTo(forge);
            assertThat(awaitChangeSetWith("it/" + forge + ".md").after()).isEqualTo(head.name());
        }
    }

    @Test
    void aBurstOfDeliveriesWithDuplicatesIsHeldWithoutLosingOrDuplicatingAPush() throws Exception {
        List<RevCommit> commits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            commits.add(commitToDemo("it/burst-" + i + ".md", "# Burst " + i + "\n"));
        }
        // 5 distinct pushes, each delivered 60 times (forges redeliver), in shuffled order.
        List<byte[]> bodies = new ArrayList<>();
        List<String> deliveries = new ArrayList<>();
        for (RevCommit commit : commits) {
            byte[] body = json(Map.of("ref", "refs/heads/main", "before", "0".repeat(40), "after", commit.name(),
                    "repository", Map.of("name", "demo", "full_name", "demo")));
            for (int copy = 0; copy < 60; copy++) {
                bodies.add(body);
                deliveries.add("burst-" + commit.name());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        long pushesBefore = records(Topics.PUSH).size();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i : order) {
                byte[] body = bodies.get(i);
                String delivery = deliveries.get(i);
                answers.add(pool.submit((Callable<Integer>) () -> post("github", body, Map.of("X-GitHub-Event", "push",
                        "X-GitHub-Delivery", delivery,
                        "X-Hub-Signature-256", WebhookSignatures.signGitHub(runtime.webhookSecret(), body))).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).hasSize(300).containsOnly(202);
        List<PushReceived> recorded = records(Topics.PUSH).stream().skip(pushesBefore)
                .map(v -> EventJson.read(v, PushReceived.class)).filter(p -> p.deliveryId().startsWith("burst-")).toList();
        assertThat(recorded).extracting(PushReceived::deliveryId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(commits.stream().map(c -> "burst-" + c.name()).toList());
        RevCommit last = commits.getLast();
        EdgeClient.awaitPage("/it/burst-4/", page -> page.contains("Burst 4"));
        List<ChangeSet> changeSets = records(Topics.CHANGES).stream().map(v -> EventJson.read(v, ChangeSet.class))
                .filter(c -> c.changes().stream().anyMatch(p -> p.path().startsWith("it/burst-"))).toList();
        assertThat(changeSets).extracting(ChangeSet::after).doesNotHaveDuplicates().contains(last.name());
        assertThat(changeSets.stream().flatMap(c -> c.changes().stream()).map(ChangeSet.PathChange::path)
                .filter(p -> p.startsWith("it/burst-")).toList())
                .as("every burst page arrives exactly once").containsExactlyInAnyOrder(
                        "it/burst-0.md", "it/burst-1.md", "it/burst-2.md", "it/burst-3.md", "it/burst-4.md");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Commits one file to the demo repository with JGit, which runs no hook: the test sends the webhook. */
    private RevCommit commitToDemo(String path, String text) throws Exception {
        Path clone = Files.createTempDirectory(work, "clone");
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url()).setDirectory(clone.toFile()).call()) {
            Path file = clone.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("add " + path).setAuthor("IT", "it@example.org").setSign(false).call();
            git.push().call();
            return commit;
        }
    }

    private static HttpResponse<String> post(String forge, byte[] body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(runtime.webhookUri().resolve(forge))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static PushReceived recordedPush(String deliveryId) {
        return records(Topics.PUSH).stream().map(v -> EventJson.read(v, PushReceived.class))
                .filter(p -> p.deliveryId().equals(deliveryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no PushReceived for delivery " + deliveryId));
    }

    /**
     * The change set that carries {@code path}. Not looked up by delivery id: pushes queued for
     * one repository coalesce, so an earlier delivery's diff may already have taken this commit.
     */
    private static ChangeSet awaitChangeSetWith(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (byte[] value : records(Topics.CHANGES)) {
                ChangeSet changeSet = EventJson.read(value, ChangeSet.class);
                if (changeSet.changes().stream().anyMatch(c -> c.path().equals(path))) {
                    return changeSet;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no change set with " + path);
    }

    /** Every committed value of a one-partition topic, oldest first. */
    private static List<byte[]> records(String topic) {
        return TopicReader.committed(runtime.bootstrapServers(), topic).stream().map(r -> r.value()).toList();
    }

    private static byte[] json(Map<String, Object> value) {
        return EventJson.write(value);
    }

    private static String hexHmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
