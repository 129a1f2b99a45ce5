package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Topics;
import dev.inkstream.ingest.webhook.WebhookSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook's guards against the real ingest service: bad input is refused and nothing enters Kafka. */
class WebhookGuardsIT {

    private static LocalRuntime runtime;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    @Test
    void invalidOrMissingSignatureIs401AndNothingIsWritten() throws Exception {
        byte[] body = payload("demo", "refs/heads/main");
        long before = pushTopicEnd();

        var wrong = post(body, Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub("not-the-secret", body)));
        var missing = post(body, Map.of());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid signature");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("missing X-Hub-Signature-256");
        assertThat(pushTopicEnd()).isEqualTo(before);
    }

    @Test
    void unknownRepositoryIs404AndNothingIsWritten() throws Exception {
        byte[] body = payload("someone/else", "refs/heads/main");
        long before = pushTopicEnd();

        var response = post(body, signed(body));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(pushTopicEnd()).isEqualTo(before);
        assertThat(response.body()).contains("'someone/else' is not configured");
    }

    @Test
    void payloadOver25MegabytesIs413() throws Exception {
        byte[] body = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        // With Expect: 100-continue, as large uploads should be sent: the service refuses on the
        // Content-Length alone and the body is never transferred.
        var response = post(body, signed(body), true);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload over the 25 MB limit refused");
    }

    @Test
    void pushToAnotherBranchIsAcceptedIgnoredAndNotWritten() throws Exception {
        byte[] body = payload("demo", "refs/heads/drafts");
        long before = pushTopicEnd();

        var response = post(body, signed(body));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("ignored: only refs/heads/main is published");
        assertThat(pushTopicEnd()).isEqualTo(before);
    }

    @Test
    void aRealPingIsAnswered() throws Exception {
        byte[] body = ("{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1,\"hook\":{\"type\":\"Repository\"},"
                + "\"repository\":{\"name\":\"demo\",\"full_name\":\"demo\"}}").getBytes(StandardCharsets.UTF_8);
        var headers = new java.util.HashMap<>(signed(body));
        headers.put("X-GitHub-Event", "ping");

        assertThat(post(body, headers).statusCode()).isEqualTo(200);
    }

    @Test
    void servicesReportKafkaAndS3Readiness() throws Exception {
        for (String service : List.of("ingest", "render", "publish")) {
            URI uri = URI.create("http://127.0.0.1:" + runtime.port(service) + "/actuator/health/readiness");
            var response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).as(service).contains("\"status\":\"UP\"", "\"kafka\"", "\"s3\"");
        }
    }

    @Test
    void consumerGroupsAreTheConfiguredOnesWhichOperatorsScaleAndMonitorBy() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            var groups = admin.listGroups().all().get().stream().map(g -> g.groupId()).toList();

            assertThat(groups).contains("inkstream-ingest", "inkstream-render", "inkstream-publish");
        }
    }

    private static byte[] payload(String repository, String ref) {
        return ("{\"ref\":\"" + ref + "\",\"before\":\"" + "0".repeat(40) + "\",\"after\":\"" + "1".repeat(40)
                + "\",\"repository\":{\"full_name\":\"" + repository + "\",\"name\":\"" + repository + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> signed(byte[] body) {
        return Map.of("X-Hub-Signature-256", WebhookSignatures.signGitHub(runtime.webhookSecret(), body));
    }

    private static HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
        return post(body, headers, false);
    }

    private static HttpResponse<String> post(byte[] body, Map<String, String> headers, boolean expectContinue)
            throws Exception {
        var request = HttpRequest.newBuilder(runtime.webhookUri().resolve("github"))
                .expectContinue(expectContinue)
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", headers.getOrDefault("X-GitHub-Event", "push"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("X-GitHub-Event")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long pushTopicEnd() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            var partition = new TopicPartition(Topics.PUSH, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }
}
