package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's promise, end to end on real parts: a push to a git repository travels through
 * the real webhook, Kafka, render and publish into the S3 store, and readers get it from the edge.
 */
class PipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static LocalRuntime runtime;

    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @Test
    void pushTwoPagesThenEditOneAndDeleteTheOther() throws Exception {
        try (Git git = cloneDemo()) {
            write(git, "it/first.md", "---\ntitle: First page\ndate: 2026-11-01\n---\nFirst body, version one.\n");
            write(git, "it/second.md", "# Second page\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
            RevCommit added = commitAndPush(git, "Add two pages");

            assertThat(awaitPage("/it/first/", body -> body.contains("version one"))).contains("<h1>First page</h1>");
            assertThat(awaitPage("/it/second/", body -> body.contains("<table>"))).contains("<td>1</td>");
            // Undated, the second page has the commit's time: the newest, first on the home page.
            assertThat(awaitPage("/", body -> body.contains("it/second/"))).contains("Second page");
            assertThat(release(added.name()).objectsWritten()).as("two pages, and the lists and feeds that show them")
                    .isGreaterThanOrEqualTo(3);

            write(git, "it/first.md", "---\ntitle: First page\ndate: 2026-11-01\n---\nFirst body, version two.\n");
            git.rm().addFilepattern("it/second.md").call();
            RevCommit changed = commitAndPush(git, "Edit one, delete the other");

            awaitPage("/it/first/", body -> body.contains("version two"));
            ReleasePublished release = release(changed.name());
            assertThat(get("/it/second/").statusCode()).isEqualTo(404);
            Map<String, String> before = manifest(added.name());
            Map<String, String> after = manifest(changed.name());
            List<String> rewrittenPages = after.entrySet().stream()
                    .filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey)
                    .filter(key -> key.endsWith("index.html") && !isList(key)).toList();
            assertThat(rewrittenPages).as("of the documents' pages, only the edited one is rewritten")
                    .containsExactly("it/first/index.html");
            // A translation-dashboard refresh of this commit may already have rewritten its manifest
            // under the same id: the dashboard's objects are then changed without this release.
            long changedKeys = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
            long changedOutsideDashboard = after.entrySet().stream().filter(e -> !e.getKey().startsWith("_status/"))
                    .filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
            assertThat(release.objectsWritten()).as("the edited page and the aggregates that changed")
                    .isBetween((int) changedOutsideDashboard, (int) changedKeys);
            // The deleted page, and a list page when the site's page count drops below a page boundary.
            List<String> gone = before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
            assertThat(gone).contains("it/second/index.html")
                    .allMatch(key -> key.equals("it/second/index.html") || isList(key));
            assertThat(release.objectsDeleted()).as("the deleted page").isEqualTo(gone.size());
            assertThat(Releases.currentCommit(runtime)).isEqualTo(changed.name());
        }
    }

    @Test
    void aPushOfMoreFilesThanOneBatchIsPublishedWhole() throws Exception {
        try (Git git = cloneDemo()) {
            for (int i = 0; i < 600; i++) {
                write(git, "it/many/page-" + i + ".md", "# Page " + i + "\n\nOne of many.\n");
            }
            RevCommit head = commitAndPush(git, "A push of 600 pages: two batches of ingest");

            awaitPage("/it/many/page-599/", body -> body.contains("One of many."));
            assertThat(get("/it/many/page-0/").statusCode()).isEqualTo(200);
            assertThat(release(head.name()).objectsWritten()).as("600 pages and the index").isGreaterThanOrEqualTo(601);
        }
    }

    @Test
    void filesIngestRefusesAreReportedWhereAuthorsAndToolsCanReadThem() throws Exception {
        try (Git git = cloneDemo()) {
            Path link = git.getRepository().getWorkTree().toPath().resolve("it/secret-link.md");
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("/etc/passwd"));
            write(git, "it/next-to-link.md", "# Next to a link\n");
            commitAndPush(git, "A symlink and a page");

            awaitPage("/it/next-to-link/", body -> body.contains("Next to a link"));
            String report = awaitPage("/_inkstream/diagnostics.json", body -> body.contains("it/secret-link.md"));
            assertThat(report).contains("symlink-skipped", "is a symbolic link");
            assertThat(get("/it/secret-link/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void imagesTravelByClaimCheckAndArePublishedWhereThePageLinksThem() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        try (Git git = cloneDemo()) {
            Path image = git.getRepository().getWorkTree().toPath().resolve("it/img/dot.png");
            Files.createDirectories(image.getParent());
            Files.write(image, png);
            write(git, "it/with-image.md", "# With an image\n\n![a dot](img/dot.png)\n");
            commitAndPush(git, "Page with an image");

            String page = awaitPage("/it/with-image/", body -> body.contains("a dot"));
            assertThat(page).contains("src=\"../img/dot.png\"");
            var served = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(runtime.edgeUri().resolve("it/img/dot.png")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(served.body()).isEqualTo(png);
            String blobId = new org.eclipse.jgit.lib.ObjectInserter.Formatter()
                    .idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, png).name();
            assertThat(runtime.s3().headObject(b -> b.bucket(LocalRuntime.BUCKET).key("_inkstream/blobs/" + blobId)))
                    .as("the blob is in the store").isNotNull();
            assertThat(get("/_inkstream/blobs/" + blobId).statusCode()).as("blobs are not served").isEqualTo(404);
        }
    }

    @Test
    void aDocumentThatCannotBeRenderedIsAnErrorPageAndTheRestStillPublishes() throws Exception {
        try (Git git = cloneDemo()) {
            write(git, "it/huge.md", "# Huge\n\n" + "word ".repeat(260_000));
            write(git, "it/fine.md", "# Fine\n\nThis one is fine.\n");
            commitAndPush(git, "One huge file and one fine file");

            assertThat(awaitPage("/it/fine/", body -> body.contains("This one is fine."))).contains("<h1 id=\"fine\">Fine</h1>");
            assertThat(awaitPage("/it/huge/", body -> true)).contains("could not be rendered", "text files over");
        }
    }

    @Test
    void anUnreadableSourceRecordGoesToTheDeadLetterTopicAndRenderKeepsGoing() throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SOURCE, "demo:it/poison.md",
                    "{this is not a SourceDocument".getBytes(StandardCharsets.UTF_8))).get();
        }

        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.SOURCE + Topics.DEAD_LETTER_SUFFIX, "demo:it/poison.md");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not a SourceDocument");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.SOURCE);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();

        try (Git git = cloneDemo()) {
            write(git, "it/after-poison.md", "# After the poison\n\nStill rendering.\n");
            commitAndPush(git, "After poison");
            awaitPage("/it/after-poison/", body -> body.contains("Still rendering."));
        }
    }

    @Test
    void demoRoundTripWithGitAndThePostReceiveHook() throws Exception {
        assumeThat(commandExists("git")).as("skipped because the git command is not installed").isTrue();
        assumeThat(commandExists("curl") && commandExists("openssl"))
                .as("skipped because the demo's hook needs curl and openssl").isTrue();
        Path clone = work.resolve("demo-clone");
        run(work, "git", "clone", "-q", runtime.repositories().getFirst().url(), clone.toString());
        Files.writeString(clone.resolve("it-hook.md"), "# Pushed with git\n\nThe hook called the webhook.\n");
        run(clone, "git", "add", "it-hook.md");
        run(clone, "git", "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-qm", "hook test");
        String pushOutput = run(clone, "git", "push", "-q", "origin", "HEAD:main");

        assertThat(pushOutput).contains("accepted");
        assertThat(awaitPage("/it-hook/", body -> body.contains("The hook called the webhook."))).contains("Pushed with git");
    }

    // --- helpers -------------------------------------------------------------------------------

    private Git cloneDemo() throws Exception {
        return Git.cloneRepository().setURI(runtime.repositories().getFirst().url())
                .setDirectory(work.resolve("clone").toFile()).call();
    }

    static void write(Git git, String path, String text) throws IOException {
        Path file = git.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Commits, pushes with JGit (which runs no server-side hook), and sends the webhook as a forge would. */
    static RevCommit commitAndPush(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        RevCommit commit = git.commit().setMessage(message).setAuthor("IT", "it@example.org").setSign(false).call();
        synchronized (PipelineIT.class) {
            git.pull().setRebase(true).call();
            git.push().call();
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            LocalRuntime shared = SharedRuntime.get();
            assertThat(shared.announce(shared.repositories().getFirst(), head.name())).isEqualTo(202);
            return head;
        }
    }

    static String awaitPage(String path, Predicate<String> ready) throws Exception {
        return EdgeClient.awaitPage(path, ready);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return EdgeClient.get(path);
    }

    /** Object key to content hash, as the release manifest of {@code commit} lists them. */
    private static Map<String, String> manifest(String commit) {
        byte[] json = runtime.s3().getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET)
                .key("_inkstream/releases/" + commit + ".json")).asByteArray();
        Map<String, String> objects = new java.util.TreeMap<>();
        EventJson.mapper().readTree(json).path("objects").properties()
                .forEach(e -> objects.put(e.getKey(), e.getValue().asString()));
        return objects;
    }

    /** Home, language homes, their further pages, tag and category pages: made from many documents. */
    /** Pages made from many documents: lists, tag and category pages, the translation dashboard. */
    private static boolean isList(String key) {
        return key.matches("([a-z]{2,3}(-[A-Za-z0-9]+)?/)?(page/\\d+/)?index\\.html")
                || key.startsWith("tags/") || key.startsWith("categories/") || key.startsWith("_status/");
    }

    /** The ReleasePublished for {@code commit}, waiting for it to arrive. */
    static ReleasePublished release(String commit) throws InterruptedException {
        return Releases.await(runtime, commit);
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : TopicReader.committed(runtime.bootstrapServers(), topic)) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("no record " + key + " on " + topic);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static boolean commandExists(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

}
