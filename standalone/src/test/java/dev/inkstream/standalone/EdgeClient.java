package dev.inkstream.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What a reader sees: pages fetched from a runtime's edge server (the shared runtime's unless one is given). */
final class EdgeClient {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient http = HttpClient.newHttpClient();

    /** Polls {@code path} until the edge serves it with 200 and {@code ready} accepts the body. */
    static String awaitPage(String path, Predicate<String> ready) throws Exception {
        return awaitPage(SharedRuntime.get(), path, ready);
    }

    /** Polls {@code path} at {@code runtime}'s edge until it is served with 200 and {@code ready} accepts the body. */
    static String awaitPage(LocalRuntime runtime, String path, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(runtime, path);
            if (last.statusCode() == 200 && ready.test(last.body())) {
                return last.body();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("edge did not serve the expected " + path + " within " + PATIENCE
                + "; last answer " + (last == null ? "none" : last.statusCode() + ": " + last.body()));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return get(SharedRuntime.get(), path);
    }

    static HttpResponse<String> get(LocalRuntime runtime, String path) throws Exception {
        URI uri = runtime.edgeUri().resolve(path.substring(1));
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private EdgeClient() {}
}
