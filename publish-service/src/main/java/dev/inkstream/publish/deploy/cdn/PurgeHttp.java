package dev.inkstream.publish.deploy.cdn;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The one HTTP client of the purge APIs that have no SDK of their own here (Cloudflare, Fastly). */
final class PurgeHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Sends the request; returns the body of a 2xx answer, throws with the provider's answer otherwise. */
    String send(String provider, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(provider + " answered " + response.statusCode() + " to " + built.method()
                        + " " + built.uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(provider + " purge request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(provider + " purge interrupted", e);
        }
    }
}
