package dev.inkstream.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.publish.PublishSettings;
import dev.inkstream.publish.SitePublisher;
import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.deploy.Rollback;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Publish's deploy as the service runs it, against a real S3 API and a stand-in for Cloudflare's
 * purge API: the purge names exactly what changed and comes only once {@code current.json} does.
 */
class SitePublisherIT {

    @TempDir
    Path dir;

    @Test
    void purgesExactlyTheChangedUrlsAfterCurrentJsonAndHoldsAReplayOfARolledBackCommit() throws Exception {
        List<String> purged = new CopyOnWriteArrayList<>();
        List<String> liveAtPurge = new CopyOnWriteArrayList<>();
        try (EmbeddedS3Server server = EmbeddedS3Server.start(dir, 0);
                S3Client s3 = S3Clients.forEmbedded(server)) {
            server.ensureBucket(LocalRuntime.BUCKET);
            ReleaseStore store = new ReleaseStore(s3, LocalRuntime.BUCKET);
            HttpServer cloudflare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            cloudflare.createContext("/zones/z1/purge_cache", exchange -> {
                try (exchange) {
                    liveAtPurge.add(store.live("", "blog").commit());
                    JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
                    body.path("files").forEach(file -> purged.add(file.asString()));
                    byte[] ok = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"p\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                }
            });
            cloudflare.start();
            try (SitePublisher publisher = new SitePublisher(settings(cloudflare.getAddress().getPort()), s3,
                    S3Clients.settings(server, LocalRuntime.BUCKET))) {
                Map<String, RenderedDocument> site = new HashMap<>();
                site.put("a.md", doc("a.md", "c1", "/a/", "A", "first"));
                site.put("b.md", doc("b.md", "c1", "/b/", "B", "first"));
                publisher.publishChangeSet(changeSet("c1"), site, List.of());
                List<String> firstPurge = new ArrayList<>(purged);
                purged.clear();

                site.put("a.md", doc("a.md", "c2", "/a/", "A", "revised"));
                ReleasePublished second = publisher.publishChangeSet(changeSet("c2"), site, List.of());

                assertThat(firstPurge).contains("https://www.example.org/a/", "https://www.example.org/index.html");
                assertThat(second.outcome()).isEqualTo(ReleasePublished.Outcome.PUBLISHED);
                // The page, and the aggregates that show its text (home excerpt, feeds): each purged
                // once, a folder's index.html also by its folder URL; nothing that did not change.
                assertThat(purged).contains("https://www.example.org/a/", "https://www.example.org/a/index.html")
                        .doesNotContain("https://www.example.org/b/", "https://www.example.org/b/index.html");
                assertThat(purged.stream().map(url -> url.endsWith("/") ? url + "index.html" : url).distinct().count())
                        .isEqualTo(second.objectsWritten());
                assertThat(liveAtPurge).as("current.json named the release before the purge").containsExactly("c1", "c2");

                new Rollback(new BucketDeployer(store, s3, 4)).rollback("", "blog", null, "no-cache");
                ReleasePublished replay = publisher.publishChangeSet(changeSet("c2"), site, List.of());

                assertThat(replay.outcome()).isEqualTo(ReleasePublished.Outcome.HELD);
                assertThat(replay.note()).startsWith("commit c2 was rolled back by an operator");
                assertThat(store.live("", "blog").commit()).isEqualTo("c1");
            } finally {
                cloudflare.stop(0);
            }
        }
    }

    private static PublishSettings settings(int cloudflarePort) {
        Map<String, String> properties = Map.of(
                "inkstream.publish.cdn.provider", "cloudflare",
                "inkstream.publish.cdn.api-endpoint", "http://127.0.0.1:" + cloudflarePort + "/",
                "inkstream.publish.cdn.zone-id", "z1",
                "inkstream.publish.cdn.api-token", "t",
                "inkstream.publish.cdn.site-url", "https://www.example.org/");
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("inkstream.publish", PublishSettings.class);
    }

    private static ChangeSet changeSet(String commit) {
        return new ChangeSet(ChangeSet.SCHEMA_VERSION, "blog", "refs/heads/main", null, commit, "d-" + commit, List.of());
    }

    private static RenderedDocument doc(String path, String commit, String url, String title, String body) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", commit, path, DocumentKind.MARKDOWN, url, title,
                "<p>" + body + "</p>", Instant.parse("2026-01-01T00:00:00Z"), null, null, null, List.of(), null, List.of(),
                List.of(), null, false, Map.of(), List.of());
    }
}
