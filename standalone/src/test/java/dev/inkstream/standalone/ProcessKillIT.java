package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.EventJson;
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
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services killed ({@code SIGKILL}, no shutdown of any kind) at the worst moment, in child
 * processes against the runtime's broker and store, then restarted: publish between its
 * uploads and its release manifest, render and ingest inside a transaction between its sends
 * and its commit. {@link KillPoints} makes each one wait at that moment for the kill. A runtime of its
 * own: its services are stopped and replaced under it.
 */
class ProcessKillIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int PAGES = 40;

    @TempDir static Path work;
    private static LocalRuntime runtime;
    private static ContentRepository repository;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        repository = ContentRepository.create(work);
        runtime = LocalRuntime.start(new LocalRuntime.Options(work.resolve("data"), List.of(repository.spec()),
                0, 0, "Kill"));
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < PAGES; i++) {
            pages.put(page(i), "# Page " + i + "\n\nFirst version.\n");
        }
        String head = repository.push(runtime, pages, "Forty pages");
        awaitLive(head);
    }

    @AfterAll
    static void stop() {
        repository.close();
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

        List<String> uploadedBeforeKill = killPublishAtUpload(6, edits, "Edit every other page",
                () -> assertPreviousReleaseServed(previous, previousPages));
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
        Map<String, String> added = documents("added-" + run, 10, "Soon taken back.");

        assertThat(killPublishAtUpload(3, added, "Add ten pages", () -> { })).as("uploaded before the kill").hasSize(2)
                .allMatch(key -> key.startsWith("added-" + run + "/"));
        String revert = repository.remove(runtime, "added-" + run, "Take the ten pages back");
        String repo = runtime.repositories().getFirst().id();
        await("render to have taken the pages back").atMost(PATIENCE).until(() -> rendered(repo + ":added-" + run + "/").stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> r.value() == null, (a, b) -> b)).values().stream()
                .filter(Boolean::booleanValue).count() == added.size());
        runtime.start("publish");

        awaitLive(revert);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    @Test
    void ingestKilledBetweenThePushAndItsChangeSetIngestsThePushOnceOnRestart() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        String head;

        runtime.stop("ingest");
        // Ingest's transactions may last 15 minutes (a large import is one), so only the restarted
        // ingest can end the killed one within the test's patience.
        try (ForkedService ingest = ForkedService.start(runtime, "ingest",
                Map.of("inkstream.test.stall-before-commit-with", "ingest-" + run + "/"), work.resolve("ingest-killed.log"))) {
            ingest.awaitStarted();
            head = repository.push(runtime, documents("ingest-" + run, 5, "Ingested once."), "Five pages for ingest");
            ingest.awaitLine(KillPoints.STALLED, PATIENCE);
            ingest.kill();
        }
        assertThat(changeSets(head)).as("the killed transaction's change set is not visible").isEmpty();
        runtime.start("ingest");

        awaitLive(head);
        assertThat(changeSets(head)).as("the push ingested once").hasSize(1);
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    @Test
    void renderKilledInsideATransactionRendersEveryDocumentOnceOnRestart() throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        String run = Long.toHexString(System.nanoTime());
        Map<String, String> burst = documents("burst-" + run, 60, "Rendered once.");
        String repo = runtime.repositories().getFirst().id();
        String keyPrefix = repo + ":burst-" + run + "/";

        runtime.stop("render");
        try (ForkedService render = ForkedService.start(runtime, "render", Map.of(
                "inkstream.test.stall-before-commit-with", "burst-" + run + "/",
                // Only the restarted render can end the killed transaction then: the broker would
                // not time it out within the test's patience.
                "spring.kafka.producer.properties[transaction.timeout.ms]", "900000",
                "inkstream.render.translations.enabled", "false"), work.resolve("render-killed.log"))) {
            repository.push(runtime, burst, "A burst of documents");
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
     * Replaces publish by a child process that stalls at its {@code upload}-th site object,
     * pushes {@code files}, runs {@code whileStalled} once it stalls, and kills it. Publish stays
     * down; returns the keys it uploaded.
     */
    private List<String> killPublishAtUpload(int upload, Map<String, String> files, String message, Check whileStalled)
            throws Exception {
        runtime.stop("publish");
        try (ForkedService publish = ForkedService.start(runtime, "publish",
                Map.of("inkstream.test.stall-at-upload", String.valueOf(upload)), work.resolve("publish-" + System.nanoTime() + ".log"))) {
            repository.push(runtime, files, message);
            publish.awaitLine(KillPoints.STALLED, PATIENCE);
            whileStalled.run();
            publish.kill();
            return uploads(publish);
        }
    }

    private interface Check {
        void run() throws Exception;
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

    private static List<ChangeSet> changeSets(String after) {
        return TopicReader.committed(runtime.bootstrapServers(), Topics.CHANGES).stream()
                .map(r -> EventJson.read(r.value(), ChangeSet.class)).filter(c -> c.after().equals(after)).toList();
    }

    private static ReleaseManifest liveManifest() {
        return new ReleaseStore(runtime.s3(), LocalRuntime.BUCKET).live("", runtime.repositories().getFirst().id());
    }

    /** {@code count} Markdown documents in {@code folder}, {@code page-0.md} on, each saying {@code text}. */
    private static Map<String, String> documents(String folder, int count, String text) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            documents.put(folder + "/page-" + i + ".md", "# " + folder + " " + i + "\n\n" + text + "\n");
        }
        return documents;
    }

    private static String page(int i) {
        return "pages/page-" + String.format("%02d", i) + ".md";
    }

    /** {@code pages/page-00.md} is published as {@code pages/page-00/index.html}. */
    private static String objectKey(String path) {
        return path.replaceAll("\\.md$", "/index.html");
    }

    private static void awaitLive(String commit) {
        Releases.awaitLive(runtime, commit, PATIENCE);
    }
}
