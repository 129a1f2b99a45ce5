package dev.inkstream.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class EdgeServerIT {

    private static final String BUCKET = "site";
    private static final String HTML = "text/html; charset=utf-8";

    @TempDir
    static Path baseDir;

    private static EmbeddedS3Server store;
    private static S3Client s3;
    private static EdgeServer edge;
    private static HttpClient http;

    @BeforeAll
    static void publishSite() {
        store = EmbeddedS3Server.start(baseDir, 0);
        s3 = S3Clients.forEmbedded(store);
        store.ensureBucket(BUCKET);
        put("index.html", "<h1>Home</h1>", "public, max-age=60");
        put("posts/hello/index.html", "<h1>Hello</h1>", "public, max-age=300");
        put("404.html", "<h1>Lost?</h1>", "no-cache");
        edge = EdgeServer.start(0, s3, BUCKET, "");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void shutDown() {
        http.close();
        edge.close();
        s3.close();
        store.close();
    }

    private static void put(String key, String body, String cacheControl) {
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(HTML).cacheControl(cacheControl),
                RequestBody.fromString(body, StandardCharsets.UTF_8));
    }

    @Test
    void servesTheRootIndexWithItsStoredHeaders() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>Home</h1>");
        assertThat(contentType(response)).isEqualToIgnoringWhitespace(HTML);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(edge.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + edge.port() + "/"));
    }

    @Test
    void redirectsADirectoryPathToItsSlashForm() throws Exception {
        HttpResponse<String> response = get("/posts/hello");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/posts/hello/");
    }

    @Test
    void answersAMatchingIfNoneMatchWithNotModified() throws Exception {
        HttpResponse<String> first = get("/posts/hello/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("<h1>Hello</h1>");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");

        HttpResponse<String> again = send(request("/posts/hello/").header("If-None-Match", "\"other\", W/" + etag));

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<String> stale = send(request("/posts/hello/").header("If-None-Match", "\"other\""));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo("<h1>Hello</h1>");
    }

    @Test
    void answersHeadWithoutABody() throws Exception {
        HttpResponse<String> response = send(request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void servesTheSitesOwnNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("<h1>Lost?</h1>");
        assertThat(contentType(response)).isEqualToIgnoringWhitespace(HTML);
    }

    @Test
    void neverServesThePipelinesBlobsOrRollbacksStoredBytes() throws Exception {
        put("_inkstream/blobs/0123abcd", "<p>a file no page links to</p>", "no-cache");
        put("_inkstream/objects/" + "ab".repeat(32), "<p>a page deleted on purpose</p>", "no-cache");

        assertThat(get("/_inkstream/blobs/0123abcd").statusCode()).isEqualTo(404);
        assertThat(get("/_inkstream/objects/" + "ab".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(get("/_inkstream/objects/" + "ab".repeat(32)).body()).doesNotContain("deleted on purpose");
        put("docs/_inkstream/objects/" + "cd".repeat(32), "<p>another site's history</p>", "no-cache");
        assertThat(get("/docs/_inkstream/objects/" + "cd".repeat(32)).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsPathTraversal() throws Exception {
        assertThat(rawStatusLine("GET /../etc/passwd HTTP/1.1")).contains(" 400 ");
        assertThat(rawStatusLine("GET /posts/%2e%2e/%2e%2e/etc/passwd HTTP/1.1")).contains(" 400 ");
        assertThat(rawStatusLine("GET /a%5cb HTTP/1.1")).contains(" 400 ");
        assertThat(rawStatusLine("GET /a%00.html HTTP/1.1")).contains(" 400 ");
        assertThat(rawStatusLine("GET /%2Fetc/hostname HTTP/1.1")).contains(" 400 ");
    }

    @Test
    void refusesOtherMethods() throws Exception {
        HttpResponse<String> response = send(request("/").POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    /**
     * The Content-Type the edge passed on. Compared ignoring whitespace because S3Proxy's Jetty
     * re-serialises {@code text/html; charset=utf-8} as {@code text/html;charset=utf-8}.
     */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("(none)");
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(edge.baseUri().resolve(path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line verbatim, since HTTP clients normalise or refuse such paths. */
    private static String rawStatusLine(String requestLine) throws IOException {
        try (Socket socket = new Socket(edge.baseUri().getHost(), edge.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
