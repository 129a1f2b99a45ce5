package dev.inkstream.standalone;

import dev.inkstream.events.EventJson;
import dev.inkstream.ingest.webhook.WebhookSignatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the local ingest service about a repository's branch head exactly as a self-hosted
 * repository's hook would: a signed push on the plain webhook, over HTTP. The runtime uses it at
 * start and when it sees a branch move; the demo repository's post-receive hook does the same
 * with curl.
 */
public final class Webhooks {

    private static final String ZEROS = "0".repeat(40);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String secret;

    public Webhooks(URI endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret;
    }

    /** Posts a push of {@code repo}'s {@code branch} to {@code after}; returns the HTTP status. */
    public int announce(RepositorySpec repo, String after) throws IOException, InterruptedException {
        byte[] body = EventJson.write(Map.of(
                "repository", repo.id(),
                "ref", "refs/heads/" + repo.branch(),
                "before", ZEROS,
                "after", after));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Inkstream-Delivery", UUID.randomUUID().toString())
                .header("X-Inkstream-Signature", WebhookSignatures.signGitHub(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
