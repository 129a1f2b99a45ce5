package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.CloudEventHeaders;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.PushReceived;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.ingest.webhook.WebhookSignatures;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One push is one trace: the forge's {@code traceparent} on the webhook is continued by ingest,
 * render and publish, every record they write carries it (each from a span of its own), and
 * their log lines name it.
 */
class TracingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static LocalRuntime runtime;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @BeforeEach
    void captureLogs() {
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(lines);
    }

    @Test
    void aPushIsOneTraceFromTheWebhookToTheRelease() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String forgeSpanId = HexFormat.of().formatHex(randomBytes(8));
        String delivery = "trace-it-" + UUID.randomUUID();
        String head;
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url())
                .setDirectory(work.resolve("clone").toFile()).call()) {
            PipelineIT.write(git, "it/traced.md", "# Traced\n\nOne push, one trace.\n");
            // Broken front matter: render logs a line about this document.
            PipelineIT.write(git, "it/traced-broken.md", "---\ntitle: [never closed\n---\nStill published.\n");
            head = pushWithTrace(git, "00-" + traceId + "-" + forgeSpanId + "-01", delivery);
        }

        ConsumerRecord<String, byte[]> release = await(Topics.RELEASES, r -> {
            ReleasePublished published = EventJson.read(r.value(), ReleasePublished.class);
            return published.commit().equals(head) && published.outcome() == ReleasePublished.Outcome.PUBLISHED;
        });
        ConsumerRecord<String, byte[]> push = await(Topics.PUSH,
                r -> EventJson.read(r.value(), PushReceived.class).deliveryId().equals(delivery));
        ConsumerRecord<String, byte[]> changes = await(Topics.CHANGES,
                r -> EventJson.read(r.value(), ChangeSet.class).after().equals(head));
        ConsumerRecord<String, byte[]> source = await(Topics.SOURCE, r -> r.key().equals("demo:it/traced.md")
                && r.value() != null && EventJson.read(r.value(), SourceDocument.class).commit().equals(head));
        ConsumerRecord<String, byte[]> rendered = await(Topics.RENDERED, r -> r.key().equals("demo:it/traced.md")
                && r.value() != null && EventJson.read(r.value(), RenderedDocument.class).commit().equals(head));

        Map<String, ConsumerRecord<String, byte[]>> records = Map.of("push", push, "changes", changes, "source", source,
                "rendered", rendered, "release", release);
        List<String> spanIds = new ArrayList<>();
        records.forEach((name, record) -> {
            Traceparent parent = Traceparent.of(record);
            assertThat(parent.traceId()).as("trace of the %s record", name).isEqualTo(traceId);
            spanIds.add(parent.spanId());
        });
        assertThat(Traceparent.of(source).spanId()).as("ingest sends a push's records from one span")
                .isEqualTo(Traceparent.of(changes).spanId());
        assertThat(List.of(forgeSpanId, Traceparent.of(push).spanId(), Traceparent.of(source).spanId(),
                Traceparent.of(rendered).spanId(), Traceparent.of(release).spanId()))
                .as("the webhook, ingest, render and publish each write from a span of their own").doesNotHaveDuplicates();
        assertThat(EventJson.read(source.value(), SourceDocument.class).deliveryId()).isEqualTo(delivery);
        assertThat(new PipelineStatus(runtime).status().sites().getFirst())
                .as("the status page names the live release's trace, to grep the logs for")
                .satisfies(site -> assertThat(site.commit()).isEqualTo(head))
                .satisfies(site -> assertThat(site.traceId()).isEqualTo(traceId));

        List<ILoggingEvent> traced = List.copyOf(lines.list).stream()
                .filter(line -> traceId.equals(line.getMDCPropertyMap().get("traceId"))).toList();
        assertThat(traced).extracting(ILoggingEvent::getLoggerName).as("log lines of the push's trace")
                .contains("dev.inkstream.ingest.webhook.WebhookController", "dev.inkstream.ingest.push.PushConsumer",
                        "dev.inkstream.render.document.RenderListener", "dev.inkstream.publish.SitePublisher");
        assertThat(traced).allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry("repo", "demo").containsEntry("delivery", delivery).containsKey("spanId"));
        assertThat(traced).filteredOn(line -> line.getLoggerName().endsWith("RenderListener")).singleElement()
                .satisfies(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry("path", "it/traced-broken.md").containsEntry("commit", head));
    }

    /** Pushes with JGit and sends the webhook as a forge that traces would: with a {@code traceparent}. */
    private static String pushWithTrace(Git git, String traceparent, String delivery) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage("Traced push").setAuthor("IT", "it@example.org").setSign(false).call();
        synchronized (PipelineIT.class) {
            git.pull().setRebase(true).call();
            git.push().call();
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            byte[] body = EventJson.write(Map.of("repository", "demo", "ref", "refs/heads/main",
                    "before", "0".repeat(40), "after", head.name()));
            HttpRequest request = HttpRequest.newBuilder(runtime.webhookUri())
                    .header("Content-Type", "application/json")
                    .header("X-Inkstream-Delivery", delivery)
                    .header("X-Inkstream-Signature", WebhookSignatures.signGitHub(runtime.webhookSecret(), body))
                    .header(CloudEventHeaders.TRACEPARENT, traceparent)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try (HttpClient http = HttpClient.newHttpClient()) {
                assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(202);
            }
            return head.name();
        }
    }

    private static ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ConsumerRecord<String, byte[]>> found = TopicReader.committed(runtime.bootstrapServers(), topic)
                    .stream().filter(wanted).reduce((first, second) -> second);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such record on " + topic + " within " + PATIENCE);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the all-zero id, which W3C calls invalid
        return bytes;
    }

    /** The W3C {@code traceparent} of a record: version-traceid-spanid-flags. */
    private record Traceparent(String traceId, String spanId) {
        static Traceparent of(ConsumerRecord<String, byte[]> record) {
            String value = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT)
                    .orElseThrow(() -> new AssertionError(record.topic() + " record " + record.key() + " has no traceparent"));
            String[] parts = value.split("-");
            assertThat(parts).as(value).hasSize(4);
            return new Traceparent(parts[1], parts[2]);
        }
    }
}
