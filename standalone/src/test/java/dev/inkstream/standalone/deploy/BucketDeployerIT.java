package dev.inkstream.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.deploy.ObjectHeaders;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import dev.inkstream.support.s3.S3Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The deployer against a real S3 API (S3Proxy on a temp directory), through the real aws-sdk clients. */
class BucketDeployerIT {

    static final String BUCKET = LocalRuntime.BUCKET;
    static final ObjectHeaders HEADERS = new ObjectHeaders("public, max-age=60, must-revalidate", "public, max-age=3600",
            "public, max-age=31536000, immutable", "public, max-age=300", "no-cache");

    @TempDir
    static Path dir;
    static EmbeddedS3Server server;
    static S3Client s3;

    @BeforeAll
    static void start() {
        server = EmbeddedS3Server.start(dir, 0);
        server.ensureBucket(BUCKET);
        s3 = S3Clients.forEmbedded(server);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    static OutputObject page(String key, String html) {
        return HEADERS.apply(OutputObject.html(key, html, "set by the site"));
    }

    @Test
    void theLiveReleaseIsReadAgainWhenAnotherWriterMadeAnotherOneCurrent() {
        var publisher = new ReleaseStore(s3, BUCKET);
        var operator = new ReleaseStore(s3, BUCKET);
        String prefix = "cached/";
        var zeroth = new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, "r", "c0", "c0", java.util.Map.of("a.html", "h0"),
                Instant.parse("2025-12-31T00:00:00Z"), List.of());
        var first = new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, "r", "c1", "c1", java.util.Map.of("a.html", "h1"),
                Instant.parse("2026-01-01T00:00:00Z"), List.of());
        publisher.publish(prefix, zeroth, "no-cache");
        publisher.publish(prefix, first, "no-cache");
        assertThat(publisher.live(prefix, "r")).isEqualTo(first);
        assertThat(operator.live(prefix, "r")).isEqualTo(first);

        // A rollback from the command line writes current.json behind the publisher's back.
        var second = new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, "r", "c0", "c0", java.util.Map.of("a.html", "h0"),
                Instant.parse("2025-12-31T00:00:00Z"), List.of("c1"));
        operator.makeCurrent(prefix, second, "no-cache");
        assertThat(publisher.live(prefix, "r")).isEqualTo(second);

        s3.deleteObject(b -> b.bucket(BUCKET).key(prefix + ReleaseManifest.CURRENT_KEY));
        assertThat(publisher.live(prefix, "r")).isEqualTo(ReleaseManifest.empty("r"));
    }

    @Test
    void currentJsonNamesTheReleaseWhoseManifestHasTheObjectsAndAWholeManifestThereIsStillRead() {
        var store = new ReleaseStore(s3, BUCKET);
        String prefix = "pointer/";
        var release = new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, "r", "c1", "c1",
                java.util.Map.of("a.html", "h1", "b.html", "h2"), Instant.parse("2026-01-01T00:00:00Z"), List.of());
        store.publish(prefix, release, "no-cache");

        String current = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + ReleaseManifest.CURRENT_KEY)).asUtf8String();
        assertThat(current).as("current.json is written once per release, without the objects")
                .contains("\"releaseId\":\"c1\"").doesNotContain("a.html");
        assertThat(new ReleaseStore(s3, BUCKET).live(prefix, "r")).isEqualTo(release);

        // Written by an earlier version: current.json with every object.
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + ReleaseManifest.CURRENT_KEY),
                RequestBody.fromBytes(dev.inkstream.events.EventJson.write(release)));
        s3.deleteObject(b -> b.bucket(BUCKET).key(prefix + release.releaseKey()));
        assertThat(new ReleaseStore(s3, BUCKET).live(prefix, "r")).isEqualTo(release);

        store.makeCurrent(prefix, release, "no-cache");
        assertThatThrownBy(() -> new ReleaseStore(s3, BUCKET).live(prefix, "r"))
                .hasMessageContaining("names release c1, but pointer/_inkstream/releases/c1.json is not in bucket");
    }

    @Test
    void uploadsWithHeadersByRoleAndTheHashInMetadataOnceEachAndMakesTheReleaseCurrent() {
        var store = new ReleaseStore(s3, BUCKET);
        var deployer = new BucketDeployer(store, s3, 2);
        s3.putObject(b -> b.bucket(BUCKET).key("_inkstream/blobs/b1").contentType("application/octet-stream"),
                RequestBody.fromBytes(new byte[] {1, 2, 3}));
        List<OutputObject> outputs = List.of(
                page("a/index.html", "<p>a</p>"), page("index.html", "<ul></ul>"),
                HEADERS.apply(OutputObject.of("feed.xml", bytes("<feed/>"), "application/atom+xml", "x")),
                HEADERS.apply(OutputObject.copy("a/cat.5e1f00aa.png", "_inkstream/blobs/b1", "b1", "image/png", "x")));
        String prefix = "one/";

        ReleaseManifest live = deployer.apply(prefix, "blog", "c1",
                DeployPlan.between(store.live(prefix, "blog"), outputs), "no-cache", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(store.live(prefix, "blog")).isEqualTo(live);
        assertThat(live.objects()).containsOnlyKeys("a/index.html", "index.html", "feed.xml", "a/cat.5e1f00aa.png");
        HeadObjectResponse html = head(prefix + "a/index.html");
        assertThat(html.cacheControl()).isEqualTo("public, max-age=60, must-revalidate");
        assertThat(html.contentType()).isEqualToIgnoringWhitespace("text/html; charset=utf-8");
        assertThat(html.metadata()).containsEntry("sha256", live.objects().get("a/index.html"));
        assertThat(head(prefix + "feed.xml").contentType()).isEqualToIgnoringWhitespace("application/atom+xml; charset=utf-8");
        assertThat(head(prefix + "feed.xml").cacheControl()).isEqualTo("public, max-age=300");
        HeadObjectResponse asset = head(prefix + "a/cat.5e1f00aa.png");
        assertThat(asset.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(asset.contentType()).isEqualTo("image/png");
        assertThat(get(prefix + "a/cat.5e1f00aa.png")).containsExactly(1, 2, 3);
        assertThat(keys(prefix + ReleaseManifest.OBJECTS_PREFIX)).as("nothing was replaced, so nothing stored").isEmpty();
        assertThat(keys(prefix + ReleaseManifest.RELEASES_PREFIX)).containsExactly(prefix + "_inkstream/releases/c1.json");
    }

    @Test
    void theBytesOfEveryObjectAReleaseOverwritesOrDeletesAreStoredFirstWithTheirHeaders() {
        var store = new ReleaseStore(s3, BUCKET);
        var deployer = new BucketDeployer(store, s3, 2);
        String prefix = "cow/";
        ReleaseManifest first = deployer.apply(prefix, "blog", "c1", DeployPlan.between(store.live(prefix, "blog"), List.of(
                page("a/index.html", "<p>a</p>"), page("b/index.html", "<p>b</p>"), page("c/index.html", "<p>c</p>"))),
                "no-cache", Instant.parse("2026-01-01T00:00:00Z"));

        deployer.apply(prefix, "blog", "c2", DeployPlan.between(first, List.of(
                page("a/index.html", "<p>a, revised</p>"), page("b/index.html", "<p>b</p>"))),
                "no-cache", Instant.parse("2026-01-02T00:00:00Z"));

        String storedA = prefix + ReleaseManifest.storedObjectKey(first.objects().get("a/index.html"));
        String storedC = prefix + ReleaseManifest.storedObjectKey(first.objects().get("c/index.html"));
        assertThat(keys(prefix + ReleaseManifest.OBJECTS_PREFIX)).containsExactlyInAnyOrder(storedA, storedC);
        assertThat(new String(get(storedA), StandardCharsets.UTF_8)).isEqualTo("<p>a</p>");
        assertThat(head(storedA).cacheControl()).isEqualTo("public, max-age=60, must-revalidate");
        assertThat(head(storedA).metadata()).containsEntry("sha256", first.objects().get("a/index.html"));
        assertThat(new String(get(storedC), StandardCharsets.UTF_8)).isEqualTo("<p>c</p>");
    }

    @Test
    void anObjectAlreadyOverwrittenByAnInterruptedReleaseIsNotStoredUnderTheOldHash() {
        var store = new ReleaseStore(s3, BUCKET);
        var deployer = new BucketDeployer(store, s3, 2);
        String prefix = "interrupted/";
        ReleaseManifest first = deployer.apply(prefix, "blog", "c1", DeployPlan.between(store.live(prefix, "blog"),
                List.of(page("a/index.html", "<p>a</p>"))), "no-cache", Instant.parse("2026-01-01T00:00:00Z"));
        String oldHash = first.objects().get("a/index.html");
        // An attempt at c2 stored the old bytes, overwrote the object, then died before its manifest.
        OutputObject revised = page("a/index.html", "<p>a, revised</p>");
        s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(prefix + "a/index.html").destinationBucket(BUCKET)
                .destinationKey(prefix + ReleaseManifest.storedObjectKey(oldHash)));
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + "a/index.html").metadata(java.util.Map.of("sha256", revised.sha256())),
                RequestBody.fromBytes(revised.content()));

        deployer.apply(prefix, "blog", "c2", DeployPlan.between(store.live(prefix, "blog"), List.of(revised)),
                "no-cache", Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(new String(get(prefix + ReleaseManifest.storedObjectKey(oldHash)), StandardCharsets.UTF_8))
                .as("the stored copy keeps the old bytes, not the revised ones the object holds now").isEqualTo("<p>a</p>");
        assertThat(store.live(prefix, "blog").commit()).isEqualTo("c2");
    }

    @Test
    void aFailedUploadLeavesThePreviousReleaseCurrent() throws Exception {
        var store = new ReleaseStore(s3, BUCKET);
        String prefix = "two/";
        ReleaseManifest first = new BucketDeployer(store, s3, 4).apply(prefix, "blog", "c1",
                DeployPlan.between(store.live(prefix, "blog"), List.of(page("a/index.html", "<p>a</p>"))), "no-cache",
                Instant.now());
        var wrongKey = new S3Settings(server.endpoint(), server.region(), BUCKET, server.accessKey(), "not-the-secret", true);

        try (S3Client refused = dev.inkstream.support.s3.S3Clients.create(wrongKey)) {
            var deployer = new BucketDeployer(store, refused, 4);
            DeployPlan plan = DeployPlan.between(first, List.of(page("a/index.html", "<p>a2</p>"), page("b/index.html", "b")));

            assertThatThrownBy(() -> deployer.apply(prefix, "blog", "c2", plan, "no-cache", Instant.now()))
                    .isInstanceOf(BucketDeployer.UploadFailedException.class)
                    .hasMessageContaining("the release was not made current");
        }
        assertThat(store.live(prefix, "blog")).isEqualTo(first);
        assertThat(new String(get(prefix + "a/index.html"), StandardCharsets.UTF_8)).isEqualTo("<p>a</p>");
    }

    @Test
    void neverMoreUploadsInFlightThanTheBound() {
        var store = new ReleaseStore(s3, BUCKET);
        var inFlight = new java.util.concurrent.atomic.AtomicInteger();
        var most = new java.util.concurrent.atomic.AtomicInteger();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                inFlight.decrementAndGet();
            }

            @Override
            public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                inFlight.decrementAndGet();
            }
        };
        S3Settings settings = S3Clients.settings(server, BUCKET);
        try (S3Client counted = S3Client.builder().region(Region.of(settings.region()))
                .endpointOverride(settings.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counting)).build()) {
            List<OutputObject> pages = java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> page("p" + i + "/index.html", "<p>" + i + "</p>")).toList();

            new BucketDeployer(store, counted, 3).apply("three/", "blog", "c1",
                    DeployPlan.between(store.live("three/", "blog"), pages), "no-cache", Instant.now());
        }

        assertThat(keys("three/p")).hasSize(40);
        assertThat(most.get()).as("most uploads in flight at once").isBetween(1, 3);
    }

    static HeadObjectResponse head(String key) {
        return s3.headObject(b -> b.bucket(BUCKET).key(key));
    }

    static byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
