package dev.inkstream.publish.deploy.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inkstream.events.EventJson;
import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.output.OutputObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Each purger against a local stand-in for its provider's API that checks the request as the
 * real API would: path, method, authentication, body shape, batch size.
 */
class CdnPurgersTest {

    private HttpServer server;
    /** What each fake accepted: one entry per request, the URLs or paths it named. */
    private final List<List<String>> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI start(String context, Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(context, exchange -> {
            try (exchange) {
                String refusal = handler.handle(exchange);
                if (refusal != null) {
                    refusals.add(refusal);
                    respond(exchange, 400, "{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"" + refusal + "\"}]}");
                }
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    interface Handler {
        /** Answers the exchange and returns null, or returns why the real API would refuse it. */
        String handle(HttpExchange exchange) throws IOException;
    }

    private static List<String> paths(int n) {
        return IntStream.range(0, n).mapToObj(i -> "/posts/p" + i + "/").toList();
    }

    @Test
    void changedPathsAreEveryUploadAndDeletionWithFolderUrlsForPagesEncoded() {
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of("gone/index.html", "h", "same.css", "s"));
        var outputs = List.of(OutputObject.html("posts/naïve café/index.html", "x", "c"),
                OutputObject.html("index.html", "home", "c"),
                new OutputObject("same.css", new byte[0], null, "text/css", "c", "s"));

        List<String> paths = CdnPurger.changedPaths("docs/", DeployPlan.between(live, outputs));

        assertThat(paths).containsExactlyInAnyOrder("/docs/posts/na%C3%AFve%20caf%C3%A9/",
                "/docs/posts/na%C3%AFve%20caf%C3%A9/index.html", "/docs/", "/docs/index.html", "/docs/gone/",
                "/docs/gone/index.html");
    }

    @Test
    void cloudflarePurgesFullUrlsInBatchesWithTheBearerToken() throws Exception {
        URI api = start("/client/v4/zones/zone-1/purge_cache", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")) {
                return "method " + exchange.getRequestMethod();
            }
            if (!"Bearer cf-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return "Authentication error";
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                return "content type " + exchange.getRequestHeaders().getFirst("Content-Type");
            }
            JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
            if (body.size() != 1 || !body.path("files").isArray() || body.path("files").size() > 30) {
                return "body " + body;
            }
            List<String> files = new ArrayList<>();
            body.path("files").forEach(file -> files.add(file.asString()));
            accepted.add(files);
            respond(exchange, 200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"p1\"}}");
            return null;
        });
        CdnPurger purger = CdnPurgers.from(settings(CdnSettings.Provider.CLOUDFLARE, api.resolve("client/v4"), 30));

        purger.purge(paths(65));

        assertThat(refusals).isEmpty();
        assertThat(accepted).extracting(List::size).containsExactly(30, 30, 5);
        assertThat(accepted.getFirst().getFirst()).isEqualTo("https://www.example.org/posts/p0/");
        assertThat(accepted.stream().flatMap(List::stream)).hasSize(65).doesNotHaveDuplicates();
    }

    @Test
    void cloudflareSaysWhyItRefused() throws Exception {
        URI api = start("/", exchange -> "Authentication error");
        CdnPurger purger = CdnPurgers.from(settings(CdnSettings.Provider.CLOUDFLARE, api, 0));

        assertThatThrownBy(() -> purger.purge(paths(1))).hasMessageContaining("Cloudflare answered 400")
                .hasMessageContaining("Authentication error");
    }

    @Test
    void fastlyPurgesEachUrlWithItsKeyAndSoftlyWhenAsked() throws Exception {
        URI api = start("/purge/", exchange -> {
            if (!exchange.getRequestMethod().equals("POST")) {
                return "method " + exchange.getRequestMethod();
            }
            if (!"fastly-key".equals(exchange.getRequestHeaders().getFirst("Fastly-Key"))) {
                return "Provided credentials are missing or invalid";
            }
            if (!"1".equals(exchange.getRequestHeaders().getFirst("Fastly-Soft-Purge"))) {
                return "expected a soft purge";
            }
            accepted.add(List.of(exchange.getRequestURI().getRawPath()));
            respond(exchange, 200, "{\"status\":\"ok\",\"id\":\"108-1391560174-974124\"}");
            return null;
        });
        var settings = new CdnSettings(CdnSettings.Provider.FASTLY, URI.create("https://www.example.org/"), api,
                "fastly-key", null, null, null, null, 0, 3000, true);

        CdnPurgers.from(settings).purge(List.of("/", "/posts/a/", "/feed.xml"));

        assertThat(refusals).isEmpty();
        assertThat(accepted).containsExactly(List.of("/purge/www.example.org/"), List.of("/purge/www.example.org/posts/a/"),
                List.of("/purge/www.example.org/feed.xml"));
    }

    @Test
    void cloudFrontInvalidatesSignedBatchesAndFallsBackToAWildcardPastTheLimit() throws Exception {
        URI api = start("/2020-05-31/distribution/E2EXAMPLE/invalidation", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!exchange.getRequestMethod().equals("POST") || auth == null
                    || !auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    || !auth.contains("/us-east-1/cloudfront/aws4_request")) {
                return "AccessDenied: " + auth;
            }
            Document batch = xml(exchange.getRequestBody().readAllBytes());
            NodeList items = batch.getElementsByTagName("Path");
            int quantity = Integer.parseInt(batch.getElementsByTagName("Quantity").item(0).getTextContent());
            String reference = batch.getElementsByTagName("CallerReference").item(0).getTextContent();
            if (quantity != items.getLength() || reference.isBlank()) {
                return "InconsistentQuantities";
            }
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < items.getLength(); i++) {
                paths.add(items.item(i).getTextContent());
            }
            accepted.add(paths);
            exchange.getResponseHeaders().set("Location", "https://cloudfront.amazonaws.com/2020-05-31/distribution/E2EXAMPLE/invalidation/I1");
            respond(exchange, 201, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I1</Id><Status>InProgress</Status>\
                    <CreateTime>2026-11-23T12:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>1</Quantity>\
                    <Items><Path>/x</Path></Items></Paths><CallerReference>%s</CallerReference></InvalidationBatch></Invalidation>"""
                    .formatted(reference));
            return null;
        });
        var settings = new CdnSettings(CdnSettings.Provider.CLOUDFRONT, null, api, null, null, "E2EXAMPLE", "AKIDEXAMPLE",
                "secret", 4, 10, false);
        CdnPurger purger = CdnPurgers.from(settings);

        try {
            purger.purge(paths(10));
        } catch (RuntimeException e) {
            throw new AssertionError("refused: " + refusals, e);
        }
        List<List<String>> batched = List.copyOf(accepted);
        accepted.clear();
        purger.purge(IntStream.range(0, 11).mapToObj(i -> "/docs/p" + i + "/").toList());

        assertThat(refusals).isEmpty();
        assertThat(batched).extracting(List::size).containsExactly(4, 4, 2);
        assertThat(batched.getFirst()).containsExactly("/posts/p0/", "/posts/p1/", "/posts/p2/", "/posts/p3/");
        assertThat(accepted).containsExactly(List.of("/docs/*"));
        ((AutoCloseable) purger).close();
    }

    @Test
    void theWildcardCoversTheSitesFolderOnly() {
        assertThat(CloudFrontPurger.wildcard(List.of("/docs/a/", "/docs/b/index.html"))).isEqualTo("/docs/*");
        assertThat(CloudFrontPurger.wildcard(List.of("/docs/a/", "/feed.xml"))).isEqualTo("/*");
        assertThat(CloudFrontPurger.wildcard(List.of("/docs/a/x", "/docs/a/y"))).isEqualTo("/docs/a/*");
    }

    @Test
    void aProviderWithoutWhatItNeedsIsRefusedAtStart() {
        var noZone = new CdnSettings(CdnSettings.Provider.CLOUDFLARE, URI.create("https://x.org/"), null, "t", null, null,
                null, null, 0, 3000, false);

        assertThatThrownBy(() -> CdnPurgers.from(noZone)).hasMessage(
                "inkstream.publish.cdn.zone-id is required for this CDN provider");
        assertThat(CdnPurgers.from(CdnSettings.none())).isSameAs(CdnPurger.NONE);
    }

    private static CdnSettings settings(CdnSettings.Provider provider, URI api, int perRequest) {
        return new CdnSettings(provider, URI.create("https://www.example.org/"), api, "cf-token", "zone-1", null, null, null,
                perRequest, 3000, false);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/xml" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Document xml(byte[] body) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
