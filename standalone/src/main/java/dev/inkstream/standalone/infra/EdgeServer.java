package dev.inkstream.standalone.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.inkstream.events.BlobKeys;
import dev.inkstream.publish.deploy.ReleaseManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The local stand-in for the CDN: serves one bucket (optionally below a key prefix) to readers
 * over plain HTTP, the way a static-site CDN in front of S3 does.
 *
 * <p>It applies the usual static-hosting conventions so published links work unchanged: a path
 * ending in {@code /} means its {@code index.html}; a path naming a "directory" is redirected to
 * its slash form so relative links in the page resolve; a missing object gets the site's own
 * {@code 404.html}. Content type, cache control and ETag come from the stored object, because
 * publish-service decides them when uploading, exactly as a CDN would pass them through.
 *
 * <p>Every request goes to the object store; nothing is cached here, so a release is visible the
 * moment it is uploaded, and a release has nothing of this edge's to purge. Conditional requests ({@code If-None-Match}) still spare the body.
 * The server listens on loopback only.
 */
public final class EdgeServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EdgeServer.class);

    private static final String INDEX = "index.html";
    private static final String NOT_FOUND_PAGE = "404.html";
    private static final String TEXT = "text/plain; charset=utf-8";
    /** Seconds {@link #close()} lets in-flight responses finish. */
    private static final int STOP_GRACE_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private boolean closed;

    private EdgeServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        InetSocketAddress address = server.getAddress();
        this.baseUri = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /**
     * Starts serving {@code bucket} on {@code port} (0 picks a free one). Object keys are
     * {@code keyPrefix} followed by the request path without its leading slash; a non-empty
     * prefix is treated as a folder, so {@code "site"} and {@code "site/"} are the same.
     */
    public static EdgeServer start(int port, S3Client s3, String bucket, String keyPrefix) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the edge server on port " + port, e);
        }
        // One cheap virtual thread per request: handlers block on the S3 round trip.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> new Request(exchange, s3, bucket, folder(keyPrefix)).serve());
        server.start();
        EdgeServer edge = new EdgeServer(server, executor);
        log.info("Edge server ready at {} (bucket {}, prefix '{}')", edge.baseUri, bucket, keyPrefix);
        return edge;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Answers GET {@code path} with JSON computed per request, ahead of the bucket: the
     * runtime's own pages (its status), which no site object may shadow.
     */
    public void serveJson(String path, java.util.function.Supplier<byte[]> json) {
        server.createContext(path, exchange -> {
            try (exchange) {
                byte[] body;
                int status = 200;
                // Request threads are virtual threads whose context class loader is the system one;
                // inside the packaged jar, Kafka's clients load their configured classes through it.
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(EdgeServer.class.getClassLoader());
                try {
                    body = json.get();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", path, e.toString());
                    status = 503;
                    body = ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
                } finally {
                    thread.setContextClassLoader(previous);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    /** Where readers find the site root, e.g. {@code http://127.0.0.1:8080/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Stops listening, lets in-flight responses finish briefly, and waits for the handlers. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(STOP_GRACE_SECONDS);
        executor.close();
    }

    /** {@code ""} stays empty; anything else gets exactly one trailing and no leading slash. */
    static String folder(String keyPrefix) {
        String trimmed = keyPrefix.replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    /**
     * Whether a decoded request path may be mapped to a key. Dot-dot segments, NUL, backslashes
     * and empty segments ({@code //}, which would make a key start with or contain a slash)
     * never occur in published keys but are the stuff of traversal attacks on anything that
     * later maps keys to files, as the embedded store does.
     */
    static boolean isSafePath(String path) {
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0 || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The object key for a decoded, safe request path: {@code /a/b/} means {@code a/b/index.html}. */
    static String keyFor(String folder, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() || relative.endsWith("/") ? folder + relative + INDEX : folder + relative;
    }

    /**
     * Whether an {@code If-None-Match} header value matches {@code etag}. Uses the weak
     * comparison RFC 9110 prescribes for this header ({@code W/} prefixes are ignored) and
     * accepts {@code *} and comma-separated lists. Splitting on commas is safe because S3 ETags
     * are hex digests, optionally with a {@code -parts} suffix.
     */
    static boolean etagMatches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String current = opaqueTag(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (!tag.isEmpty() && opaqueTag(tag).equals(current))) {
                return true;
            }
        }
        return false;
    }

    private static String opaqueTag(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        return strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"")
                ? strong.substring(1, strong.length() - 1)
                : strong;
    }

    /** What the edge needs from a stored object; {@code body} is null for HEAD requests. */
    private record StoredObject(String contentType, String cacheControl, String eTag, Long length, InputStream body) {

        static StoredObject of(GetObjectResponse r, InputStream body) {
            return new StoredObject(r.contentType(), r.cacheControl(), r.eTag(), r.contentLength(), body);
        }

        static StoredObject of(HeadObjectResponse r) {
            return new StoredObject(r.contentType(), r.cacheControl(), r.eTag(), r.contentLength(), null);
        }
    }

    /** One exchange, from request line to closed response. */
    private record Request(HttpExchange exchange, S3Client s3, String bucket, String folder) {

        void serve() {
            try {
                respond();
            } catch (SdkException e) {
                log.warn("Object store request for {} failed: {}", exchange.getRequestURI(), e.toString());
                sendTextIfPossible(502, "Bad gateway: the object store request failed.\n");
            } catch (IOException e) {
                // Typically the reader went away mid-response; nothing left to tell them.
                log.debug("Response for {} aborted: {}", exchange.getRequestURI(), e.toString());
            } catch (RuntimeException e) {
                log.error("Edge server failed on {}", exchange.getRequestURI(), e);
                sendTextIfPossible(500, "Internal server error.\n");
            } finally {
                exchange.close();
            }
        }

        private void respond() throws IOException {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(405, "Method not allowed.\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path == null || !isSafePath(path)) {
                sendText(400, "Bad request path.\n");
                return;
            }
            // Claim-check blobs are the pipeline's, not the site's: a file no page links to lives
            // there too, so readers never get at them by blob id. Rollback's stored bytes are each
            // site's history, including pages since deleted on purpose (a site under a prefix has its own).
            boolean internal = path.startsWith("/" + BlobKeys.PREFIX) || path.contains("/" + ReleaseManifest.OBJECTS_PREFIX);
            StoredObject object = internal ? null : fetch(keyFor(folder, path), head);
            if (object != null) {
                String ifNoneMatch = String.join(",", exchange.getRequestHeaders().getOrDefault("If-None-Match", List.of()));
                if (etagMatches(ifNoneMatch, object.eTag())) {
                    discard(object);
                    setObjectHeaders(object);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    send(200, object);
                }
                return;
            }
            if (!path.endsWith("/") && exists(keyFor(folder, path + "/"))) {
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders().set("Location",
                        exchange.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
                sendText(301, "Moved permanently.\n");
                return;
            }
            StoredObject notFoundPage = fetch(folder + NOT_FOUND_PAGE, head);
            if (notFoundPage != null) {
                send(404, notFoundPage);
            } else {
                sendText(404, "Not found.\n");
            }
        }

        /** The object, or null if there is none under {@code key}. */
        private StoredObject fetch(String key, boolean head) {
            try {
                if (head) {
                    return StoredObject.of(s3.headObject(b -> b.bucket(bucket).key(key)));
                }
                ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
                return StoredObject.of(in.response(), in);
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return null;
                }
                throw e;
            }
        }

        private boolean exists(String key) {
            return fetch(key, true) != null;
        }

        private void setObjectHeaders(StoredObject object) {
            var headers = exchange.getResponseHeaders();
            if (object.contentType() != null) {
                headers.set("Content-Type", object.contentType());
            }
            if (object.cacheControl() != null) {
                headers.set("Cache-Control", object.cacheControl());
            }
            if (object.eTag() != null) {
                headers.set("ETag", object.eTag());
            }
        }

        private void send(int status, StoredObject object) throws IOException {
            setObjectHeaders(object);
            if (object.body() == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            try (InputStream in = object.body()) {
                // For HttpServer, 0 means "length unknown, stream it" and -1 means "no body".
                long length = object.length() == null ? 0 : object.length() == 0 ? -1 : object.length();
                exchange.sendResponseHeaders(status, length);
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }

        /** Drops an object body unread, without draining the rest of it over the wire. */
        private static void discard(StoredObject object) {
            if (object.body() instanceof ResponseInputStream<?> in) {
                in.abort();
            }
        }

        private void sendText(int status, String text) throws IOException {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        /** Reports an error unless the response has already begun, when all we can do is close. */
        private void sendTextIfPossible(int status, String text) {
            if (exchange.getResponseCode() != -1) {
                return;
            }
            try {
                sendText(status, text);
            } catch (IOException e) {
                log.debug("Could not report error {} for {}", status, exchange.getRequestURI(), e);
            }
        }
    }
}
