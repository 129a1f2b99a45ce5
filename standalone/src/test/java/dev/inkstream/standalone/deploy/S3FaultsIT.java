package dev.inkstream.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.publish.PublishSettings;
import dev.inkstream.publish.SitePublisher;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.SiteInvariants;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.support.s3.S3Clients;
import dev.inkstream.support.s3.S3Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The store answers {@code 503 SlowDown} and drops connections for a while: publish retries
 * with backoff and jitter and the release completes whole; while the store fails for good, the
 * release fails and the previous one stays current; once it heals, the next attempt completes.
 */
class S3FaultsIT {

    @TempDir
    Path dir;

    @Test
    void aStoreThatSlowsDownAndDropsConnectionsDelaysReleasesButNeverHalfPublishesOne() throws Exception {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(dir, 0);
             FaultyStoreProxy proxy = new FaultyStoreProxy(server.endpoint(), 3, 4);
             S3Client direct = dev.inkstream.standalone.infra.S3Clients.forEmbedded(server)) {
            server.ensureBucket(LocalRuntime.BUCKET);
            Map<String, RenderedDocument> site = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                site.put("p" + i + ".md", doc("p" + i + ".md", "c1", "/p" + i + "/", "Page " + i, "first"));
            }

            ReleasePublished first = publish(server, proxy, 8, "c1", site);

            assertThat(first.outcome()).isEqualTo(ReleasePublished.Outcome.PUBLISHED);
            assertThat(proxy.slowDowns()).as("SlowDown answers").isPositive();
            assertThat(proxy.resets()).as("dropped connections").isPositive();
            assertWholeAndCurrent(direct, "c1");

            proxy.breakAll();
            site.put("p0.md", doc("p0.md", "c2", "/p0/", "Page 0", "second"));
            assertThatThrownBy(() -> publish(server, proxy, 2, "c2", site)).as("a store that keeps failing fails the release");
            assertWholeAndCurrent(direct, "c1");

            proxy.heal();
            assertThat(publish(server, proxy, 2, "c2", site).outcome()).isEqualTo(ReleasePublished.Outcome.PUBLISHED);
            assertWholeAndCurrent(direct, "c2");
        }
    }

    private static ReleasePublished publish(EmbeddedS3Server server, FaultyStoreProxy proxy, int attempts, String commit,
                                            Map<String, RenderedDocument> site) throws Exception {
        S3Settings settings = new S3Settings(proxy.endpoint(), server.region(), LocalRuntime.BUCKET, server.accessKey(),
                server.secretKey(), true, attempts);
        PublishSettings publish = new Binder(new MapConfigurationPropertySource(Map.of("inkstream.publish.upload-concurrency", "4")))
                .bindOrCreate("inkstream.publish", PublishSettings.class);
        try (S3Client s3 = S3Clients.create(settings);
             SitePublisher publisher = new SitePublisher(publish, s3, settings)) {
            return publisher.publishChangeSet(new ChangeSet(ChangeSet.SCHEMA_VERSION, "blog", "refs/heads/main", null, commit,
                    "d-" + commit, List.of()), site, List.of());
        }
    }

    /** current.json names {@code commit}, and its manifest and the bucket agree on every object. */
    private static void assertWholeAndCurrent(S3Client s3, String commit) {
        ReleaseManifest live = new ReleaseStore(s3, LocalRuntime.BUCKET).live("", "blog");
        assertThat(live.commit()).isEqualTo(commit);
        assertThat(live.objects()).hasSizeGreaterThan(40);
        SiteInvariants.assertManifestMatchesBucket(s3, "blog");
    }

    private static RenderedDocument doc(String path, String commit, String url, String title, String body) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", commit, path, DocumentKind.MARKDOWN, url, title,
                "<p>" + body + "</p>", Instant.parse("2026-01-01T00:00:00Z"), null, null, null, List.of(), null, List.of(),
                List.of(), null, false, Map.of(), List.of());
    }
}
