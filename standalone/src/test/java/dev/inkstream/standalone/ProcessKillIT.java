package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services killed ({@code SIGKILL}, no shutdown of any kind) at the worst moment, in child
 * processes against the runtime's broker and store, then restarted: publish between its
 * uploads and its release manifest, render inside a transaction between its sends and its
 * commit. {@link KillPoints} makes each one wait at that moment for the kill. A runtime of its
 * own: its services are stopped and replaced under it.
 */
class ProcessKillIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int PAGES = 40;

    @TempDir static Path work;
    private static LocalRuntime runtime;
    private static Git clone;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path origin = work.resolve("site.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
        clone = Git.cloneRepository().setURI(origin.toString()).setDirectory(work.resolve("clone").toFile()).call();
        runtime = LocalRuntime.start(new LocalRuntime.Options(work.resolve("data"), List.of(RepositorySpec.of(origin.toString(), "main")),
                0, 0, "Kill"));
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < PAGES; i++) {
            pages.put(page(i), "# Page " + i + "\n\nFirst version.\n");
        }
        String head = push(pages, "Forty pages");
        awaitLive(head);
    }

    @AfterAll
    static void stop() {
        clone.close();
        runtime.close();
    }

    @Test
    void publishKilledBetweenItsUploadsAndItsManifestCompletesTheReleaseOnRestart() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        ReleaseManifest previous = liveManifest();
        Map<String, String> previousPages = fetchAll(previous);
        Map<String, String> edits = new LinkedHashMap<>();
        for (int i = 0; i < PAGES; i += 2) {
            edits.put(page(i), "# Page " + i + "\n\nSecond version, " + previous.commit() + ".\n");
        }

        runtime.stop("publish");
        List<String> uploadedBeforeKill;
        try (ForkedService publish = ForkedService.start(runtime, "publish", Map.of("inkstream.test.stall-at-upload", "6"),
                work.resolve("publish-killed.log"))) {
            push(edits, "Edit every other page");
            publish.awaitLine(KillPoints.STALLED, PATIENCE);
            assertPreviousReleaseServed(previous, previousPages);
            publish.kill();
            uploadedBeforeKill = uploads(publish);
        }
        assertThat(uploadedBeforeKill).as("site objects uploaded before the kill").hasSize(5);
        assertPreviousReleaseServed(previous, previousPages);

        String head = runtime.repositories().getFirst().head();
        List<String> uploadedOnRestart;
        try (ForkedService publish = ForkedService.start(runtime, "publish", Map.of(), work.resolve("publish-restarted.log"))) {
            awaitLive(head);
            uploadedOnRestart = uploads(publish);
            publish.stop();
        }
        runtime.start("publish");

        ReleaseManifest released = liveManifest();
        Set<String> changed = released.objects().entrySet().stream()
                .filter(e -> !e.getValue().equals(previous.objects().get(e.getKey()))).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(changed).as("the edited pages are among the changed objects")
                .containsAll(edits.keySet().stream().map(ProcessKillIT::objectKey).toList());
        assertThat(uploadedBeforeKill).as("the killed attempt uploaded only changed objects").isSubsetOf(changed);
        assertThat(uploadedOnRestart).as("the restart uploaded only changed objects, each once")
                .isSubsetOf(changed).doesNotHaveDuplicates();
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    /**
     * The killed release is overtaken before publish returns: the next push takes back the
     * pages it added. Publish then releases only the newest push, whose diff against the live
     * release is nearly empty, yet the killed attempt left objects that no release lists.
     */
    @Test
    void aPushUndoingAKilledReleaseLeavesNothingOfItInTheBucket() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        Map<String, String> added = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            added.put("added-" + run + "/page-" + i + ".md", "# Added " + i + "\n\nSoon taken back.\n");
        }

        runtime.stop("publish");
        try (ForkedService publish = ForkedService.start(runtime, "publish", Map.of("inkstream.test.stall-at-upload", "3"),
                work.resolve("publish-overtaken.log"))) {
            push(added, "Add ten pages");
            publish.awaitLine(KillPoints.STALLED, PATIENCE);
            publish.kill();
            assertThat(uploads(publish)).as("uploaded before the kill").hasSize(2)
                    .allMatch(key -> key.startsWith("added-" + run + "/"));
        }
        String revert = remove("added-" + run, "Take the ten pages back");
        String repo = runtime.repositories().getFirst().id();
        await("render to have taken the pages back").atMost(PATIENCE).until(() -> rendered(repo + ":added-" + run + "/").stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> r.value() == null, (a, b) -> b)).values().stream()
                .filter(Boolean::booleanValue).count() == added.size());
        runtime.start("publish");

        awaitLive(revert);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    @Test
    void renderKilledInsideATransactionRendersEveryDocumentOnceOnRestart() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        Map<String, String> burst = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            burst.put("burst-" + run + "/doc-" + i + ".md", "# Burst " + i + "\n\nRendered once.\n");
        }
        String repo = runtime.repositories().getFirst().id();
        String keyPrefix = repo + ":burst-" + run + "/";

        runtime.stop("render");
        try (ForkedService render = ForkedService.start(runtime, "render", Map.of(
                "inkstream.test.stall-before-commit-with", "burst-" + run + "/",
                // Only the restarted render can end the killed transaction then: the broker would
                // not time it out within the test's patience.
                "spring.kafka.producer.properties[transaction.timeout.ms]", "900000",
                "inkstream.render.translations.enabled", "false"), work.resolve("render-killed.log"))) {
            push(burst, "A burst of documents");
            render.awaitLine(KillPoints.STALLED, PATIENCE);
            render.kill();
        }
        assertThat(rendered(keyPrefix)).as("nothing of the killed transaction is visible to read_committed").isEmpty();
        runtime.start("render");

        awaitLive(runtime.repositories().getFirst().head());
        Map<String, Long> perKey = rendered(keyPrefix).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey).as("every document of the burst").hasSize(burst.size());
        assertThat(perKey.values()).as("each rendered exactly once").allMatch(n -> n == 1);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    /**
     * While publish is down between attempts, {@code current.json} still names the previous
     * release and every one of its pages is served whole: its old version, or the new one where
     * the killed attempt had already uploaded it (an S3 PUT replaces an object at once).
     */
    private void assertPreviousReleaseServed(ReleaseManifest previous, Map<String, String> previousPages) throws Exception {
        assertThat(Releases.currentCommit(runtime)).isEqualTo(previous.commit());
        for (var page : previousPages.entrySet()) {
            HttpResponse<String> served = get(page.getKey());
            assertThat(served.statusCode()).as(page.getKey()).isEqualTo(200);
            if (!served.body().equals(page.getValue())) {
                assertThat(served.body()).as("%s: the previous version or the whole new one", page.getKey())
                        .contains("Second version", "</html>");
            }
        }
    }

    /** Every HTML page of a release, as the edge serves it now. */
    private Map<String, String> fetchAll(ReleaseManifest release) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String key : release.objects().keySet()) {
            if (key.endsWith(".html")) {
                pages.put(key, get(key).body());
            }
        }
        return pages;
    }

    private HttpResponse<String> get(String key) throws Exception {
        URI uri = runtime.edgeUri().resolve(key);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> uploads(ForkedService publish) {
        return publish.lines().stream().filter(l -> l.startsWith(KillPoints.UPLOADED))
                .map(l -> l.substring(KillPoints.UPLOADED.length())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> rendered(String keyPrefix) {
        return TopicReader.committed(runtime.bootstrapServers(), Topics.RENDERED).stream()
                .filter(r -> r.key().startsWith(keyPrefix)).toList();
    }

    private static ReleaseManifest liveManifest() {
        return new ReleaseStore(runtime.s3(), LocalRuntime.BUCKET).live("", runtime.repositories().getFirst().id());
    }

    private static String page(int i) {
        return "pages/page-" + String.format("%02d", i) + ".md";
    }

    /** {@code pages/page-00.md} is published as {@code pages/page-00/index.html}. */
    private static String objectKey(String path) {
        return path.replaceAll("\\.md$", "/index.html");
    }

    /** Commits {@code files} on the branch, pushes, and announces the push as the forge would. */
    private static String push(Map<String, String> files, String message) throws Exception {
        Path root = clone.getRepository().getWorkTree().toPath();
        for (var file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        clone.add().addFilepattern(".").call();
        String head = clone.commit().setMessage(message).setAuthor("IT", "it@example.org").setSign(false).call().name();
        clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);
        return head;
    }

    /** Removes a folder on the branch, pushes, and announces the push. */
    private static String remove(String folder, String message) throws Exception {
        clone.rm().addFilepattern(folder).call();
        String head = clone.commit().setMessage(message).setAuthor("IT", "it@example.org").setSign(false).call().name();
        clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);
        return head;
    }

    private static void awaitLive(String commit) {
        await("the release of " + commit).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> commit.equals(Releases.currentCommit(runtime)));
    }
}
