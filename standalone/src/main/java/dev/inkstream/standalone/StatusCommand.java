package dev.inkstream.standalone;

import dev.inkstream.events.EventJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code inkstream status}: asks a running {@code ./inkstream up} what is live and what is stuck. */
final class StatusCommand {

    private final int port;
    private final boolean json;
    private final PrintStream out;

    StatusCommand(int port, boolean json, PrintStream out) {
        this.port = port;
        this.json = json;
        this.out = out;
    }

    int run() throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + PipelineStatus.PATH);
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("nothing answers at " + uri + " (" + e.getMessage()
                    + "); is ./inkstream up running with --port " + port + "?");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        out.print(json ? response.body() + "\n" : PipelineStatus.text(EventJson.mapper().readTree(response.body())));
        return 0;
    }
}
