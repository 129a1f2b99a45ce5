package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a push, every service's Prometheus endpoint shows what the push did, end to end. */
class MetricsIT {

    private static LocalRuntime runtime;
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @Test
    void aPushShowsInEveryServicesMetrics() throws Exception {
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url())
                .setDirectory(work.resolve("clone").toFile()).call()) {
            Path file = work.resolve("clone/it/metrics.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Measured\n\nA [link](missing.md) and a <b>tag</b>.\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Measured").setAuthor("IT", "it@example.org").setSign(false).call();
            synchronized (PipelineIT.class) {
                git.pull().setRebase(true).call();
                git.push().call();
                String head = git.log().setMaxCount(1).call().iterator().next().name();
                assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);
            }
        }
        EdgeClient.awaitPage("/it/metrics/", body -> body.contains("Measured"));

        assertThat(prometheus("ingest")).contains("inkstream_webhook_deliveries_total{forge=\"plain\"", "status=\"202\"");
        assertThat(prometheus("render")).contains("inkstream_render_duration_seconds_count{kind=\"markdown\"");
        String publish = prometheus("publish");
        assertThat(publish).contains("inkstream_push_to_live_seconds_bucket", "inkstream_publish_objects_total{outcome=\"written\"");
        assertThat(publish).as("consumer lag, from the Kafka client's own metrics").contains("kafka_consumer_fetch_manager_records_lag");
    }

    private static String prometheus(String service) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + runtime.port(service) + "/actuator/prometheus");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service).isEqualTo(200);
        return response.body();
    }

    @Test
    void theEdgeStatusPageAndTheStatusCommandSayWhatIsLiveAndWhatIsBehind() throws Exception {
        // The home page is uploaded before current.json: wait for the release itself.
        EdgeClient.awaitPage("/_inkstream/status",
                body -> java.util.regex.Pattern.compile("\"commit\":\"[0-9a-f]{40}\"").matcher(body).find());
        HttpResponse<String> status = EdgeClient.get("/_inkstream/status");

        assertThat(status.statusCode()).isEqualTo(200);
        var json = dev.inkstream.events.EventJson.mapper().readTree(status.body());
        assertThat(json.path("sites").get(0).path("repo").asString()).isEqualTo("demo");
        assertThat(json.path("sites").get(0).path("commit").asString()).matches("[0-9a-f]{40}");
        assertThat(json.path("lagByGroup").has("inkstream-render")).isTrue();
        assertThat(json.path("deadLetters")).isNotEmpty();

        var printed = new java.io.ByteArrayOutputStream();
        int exit = new StatusCommand(runtime.edgeUri().getPort(), false,
                new java.io.PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        assertThat(exit).isZero();
        // Read a moment after the JSON: another test's push may have gone live in between.
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("site demo", "lag  inkstream-render")
                .containsPattern("live [0-9a-f]{40} \\(release [0-9a-f]{40}\\)");
    }

    @Test
    void theStatusCommandSaysWhenNothingIsRunning() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StatusCommand(1, false, System.out).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is ./inkstream up running with --port 1?");
    }
}
