package dev.inkstream.standalone.deploy;

import static dev.inkstream.standalone.deploy.BucketDeployerIT.BUCKET;
import static dev.inkstream.standalone.deploy.BucketDeployerIT.HEADERS;
import static dev.inkstream.standalone.deploy.BucketDeployerIT.bytes;
import static dev.inkstream.standalone.deploy.BucketDeployerIT.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.events.EventJson;
import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.deploy.Rollback;
import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Publish A, publish B, roll back: the bucket as A left it, byte for byte, through the real aws-sdk client and S3Proxy. */
class RollbackIT {

    @TempDir
    static Path dir;
    static EmbeddedS3Server server;
    static S3Client s3;
    static ReleaseStore store;
    static BucketDeployer deployer;

    @BeforeAll
    static void start() {
        server = EmbeddedS3Server.start(dir, 0);
        server.ensureBucket(LocalRuntime.BUCKET);
        s3 = S3Clients.forEmbedded(server);
        store = new ReleaseStore(s3, BUCKET);
        deployer = new BucketDeployer(store, s3, 8);
        blob("b1", new byte[] {1, 2, 3});
        blob("b2", new byte[] {4, 5, 6, 7});
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    /** What a reader (or a CDN) gets for a key: bytes and every header we set. */
    record Served(byte[] bytes, String eTag, String contentType, String cacheControl, Map<String, String> metadata) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Served s && java.util.Arrays.equals(bytes, s.bytes) && eTag.equals(s.eTag)
                    && contentType.equals(s.contentType) && cacheControl.equals(s.cacheControl) && metadata.equals(s.metadata);
        }

        @Override
        public int hashCode() {
            return eTag.hashCode();
        }
    }

    @Test
    void rollingBackToARestoresEveryObjectByteIdenticalAndRemovesWhatBAdded() {
        String prefix = "r/";
        ReleaseManifest a = publish(prefix, "aaa", 1, List.of(
                page("a/index.html", "<p>a, first</p>"), page("b/index.html", "<p>b</p>"), page("c/index.html", "<p>c</p>"),
                page("index.html", "<ul>a b c</ul>"),
                HEADERS.apply(OutputObject.of("feed.xml", bytes("<feed>a b c</feed>"), "application/atom+xml", "x")),
                HEADERS.apply(OutputObject.copy("img/cat.png", "_inkstream/blobs/b1", "b1", "image/png", "x"))));
        Map<String, Served> afterA = site(prefix);
        publish(prefix, "bbb", 2, List.of(
                page("a/index.html", "<p>a, revised</p>"), page("b/index.html", "<p>b</p>"), page("d/index.html", "<p>d</p>"),
                page("index.html", "<ul>a b d</ul>"),
                HEADERS.apply(OutputObject.of("feed.xml", bytes("<feed>a b d</feed>"), "application/atom+xml", "x")),
                HEADERS.apply(OutputObject.copy("img/cat.png", "_inkstream/blobs/b2", "b2", "image/png", "x"))));
        assertThat(site(prefix)).isNotEqualTo(afterA);

        Rollback.Result result = new Rollback(deployer).rollback(prefix, "blog", null, "no-cache");

        assertThat(site(prefix)).isEqualTo(afterA);
        assertThat(result.to().commit()).isEqualTo("aaa");
        assertThat(result.plan().uploads()).extracting(OutputObject::key)
                .containsExactly("img/cat.png", "a/index.html", "c/index.html", "feed.xml", "index.html");
        assertThat(result.plan().deletions()).containsExactly("d/index.html");
        ReleaseManifest live = store.live(prefix, "blog");
        assertThat(live.objects()).isEqualTo(a.objects());
        assertThat(live.rolledBack()).as("a replay of bbb must not undo the rollback").containsExactly("bbb");
        assertThat(store.releases(prefix)).extracting(ReleaseManifest::releaseId).containsExactly("bbb", "aaa");

        new Rollback(deployer).rollback(prefix, "blog", "bbb", "no-cache");
        assertThat(site(prefix).get("d/index.html")).as("and forward again").isNotNull();
    }

    @Test
    void retentionKeepsTheNewestReleasesAndOnlyTheBytesTheyNeed() {
        String prefix = "keep/";
        ReleaseManifest first = publish(prefix, "c1", 1, List.of(page("a/index.html", "one"), page("b/index.html", "same")));
        publish(prefix, "c2", 2, List.of(page("a/index.html", "two"), page("b/index.html", "same")));
        ReleaseManifest third = publish(prefix, "c3", 3, List.of(page("a/index.html", "three"), page("b/index.html", "same")));

        int expired = store.expire(prefix, 2, third);

        assertThat(expired).isEqualTo(1);
        assertThat(store.releases(prefix)).extracting(ReleaseManifest::releaseId).containsExactly("c3", "c2");
        assertThat(store.exists(prefix + ReleaseManifest.storedObjectKey(first.objects().get("a/index.html")))).isFalse();
        assertThat(store.exists(prefix + ReleaseManifest.storedObjectKey(first.objects().get("b/index.html"))))
                .as("never replaced, so never copied: the live object is the only copy every release needs").isFalse();
        assertThatThrownBy(() -> new Rollback(deployer).rollback(prefix, "blog", "c1", "no-cache"))
                .hasMessage("no retained release is c1; retained: c3, c2");
        assertThat(new Rollback(deployer).rollback(prefix, "blog", null, "no-cache").to().commit()).isEqualTo("c2");
    }

    /**
     * Retention keeps count of the retained manifests between calls; what another writer did
     * meanwhile (a release, an expiry) shows in the listing and is taken into the count.
     */
    @Test
    void retentionCountsTheReleasesAndExpiriesOfAnotherWriter() {
        String prefix = "shared/";
        ReleaseStore theirs = new ReleaseStore(s3, BUCKET);
        BucketDeployer theirDeployer = new BucketDeployer(theirs, s3, 2);
        publish(prefix, "c1", 1, List.of(page("a/index.html", "one"), page("b/index.html", "same")));
        ReleaseManifest second = publish(prefix, "c2", 2, List.of(page("a/index.html", "two"), page("b/index.html", "same")));
        assertThat(store.expire(prefix, 2, second)).as("nothing to expire yet, but counted").isZero();
        String one = prefix + ReleaseManifest.storedObjectKey(sha("one"));
        String two = prefix + ReleaseManifest.storedObjectKey(sha("two"));
        assertThat(store.exists(one)).isTrue();

        // Another writer puts "one" back; the release of c1 that had it expires, but c3 needs its bytes.
        ReleaseManifest third = theirDeployer.apply(prefix, "blog", "c3", DeployPlan.between(theirs.live(prefix, "blog"),
                List.of(page("a/index.html", "one"), page("b/index.html", "same"))), "no-cache",
                Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(store.expire(prefix, 2, third)).isZero();
        assertThat(store.releases(prefix)).extracting(ReleaseManifest::releaseId).containsExactly("c3", "c2");
        assertThat(store.exists(one)).as("the other writer's release needs it").isTrue();

        // The other writer expires c2 itself; then this one publishes c4 and expires c3 only.
        assertThat(theirs.expire(prefix, 1, third)).isEqualTo(1);
        assertThat(store.exists(two)).isFalse();
        ReleaseManifest fourth = publish(prefix, "c4", 4, List.of(page("a/index.html", "four"), page("b/index.html", "same")));
        assertThat(store.expire(prefix, 1, fourth)).as("c2 is gone: only the bytes of c3's \"one\"").isEqualTo(1);
        assertThat(store.releases(prefix)).extracting(ReleaseManifest::releaseId).containsExactly("c4");
        assertThat(store.exists(one)).isFalse();
    }

    /**
     * Retention after every release, as a publisher with no idle moment would run it: whatever
     * the releases changed, put back, deleted or repeated at other keys, every retained release
     * stays restorable and no stored bytes outlive the last retained release that has them.
     */
    @Test
    void retentionAfterEachReleaseKeepsExactlyTheBytesTheRetainedReleasesNeed() {
        String prefix = "many/";
        List<Map<String, String>> releases = List.of(
                Map.of("a", "1", "b", "1", "c", "same", "d", "dup"),
                Map.of("a", "2", "b", "1", "c", "same", "d", "dup"),
                Map.of("a", "1", "b", "2", "c", "same"),
                Map.of("a", "3", "b", "2", "c", "same", "d", "dup", "e", "dup"),
                Map.of("a", "3", "b", "3", "c", "same", "e", "dup"),
                Map.of("a", "1", "b", "3", "c", "same", "d", "3"),
                Map.of("a", "2", "b", "1", "c", "other"),
                Map.of("a", "2", "b", "1", "c", "other", "f", "1"));
        int day = 0;
        for (Map<String, String> pages : releases) {
            int n = ++day;
            List<OutputObject> outputs = new TreeMap<>(pages).entrySet().stream()
                    .map(e -> page(e.getKey() + "/index.html", e.getValue())).toList();
            ReleaseManifest live = publish(prefix, "m" + n, n, outputs);
            store.expire(prefix, 2, live);

            List<ReleaseManifest> retained = store.releases(prefix);
            assertThat(retained).hasSizeLessThanOrEqualTo(2);
            java.util.Set<String> stored = new java.util.TreeSet<>(s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)
                    .prefix(prefix + ReleaseManifest.OBJECTS_PREFIX)).contents().stream()
                    .map(o -> o.key().substring((prefix + ReleaseManifest.OBJECTS_PREFIX).length())).toList());
            java.util.Set<String> needed = new java.util.TreeSet<>();
            for (ReleaseManifest release : retained) {
                release.objects().forEach((key, sha) -> {
                    needed.add(sha);
                    assertThat(sha.equals(live.objects().get(key)) || stored.contains(sha))
                            .as("release %s's %s restorable after release %d", release.releaseId(), key, n).isTrue();
                });
            }
            assertThat(needed).as("stored bytes after release %d are all needed", n).containsAll(stored);
        }
        assertThat(new Rollback(deployer).rollback(prefix, "blog", null, "no-cache").to().commit()).isEqualTo("m7");
    }

    private static String sha(String html) {
        return page("a/index.html", html).sha256();
    }

    @Test
    void aReleaseWhoseBytesWereNeverStoredIsRefusedNotHalfRestored() {
        String prefix = "old/";
        var old = new ReleaseManifest(1, "blog", "old", "old", Map.of("a/index.html", "0".repeat(64)),
                Instant.parse("2025-01-01T00:00:00Z"), List.of());
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + old.releaseKey()), RequestBody.fromBytes(EventJson.write(old)));
        ReleaseManifest now = publish(prefix, "new", 1, List.of(page("a/index.html", "new")));

        assertThatThrownBy(() -> new Rollback(deployer).rollback(prefix, "blog", null, "no-cache"))
                .hasMessageStartingWith("release old cannot be restored exactly: the bytes of 1 of its objects were never stored");
        assertThat(store.live(prefix, "blog")).isEqualTo(now);
    }

    private static ReleaseManifest publish(String prefix, String commit, int day, List<OutputObject> outputs) {
        return deployer.apply(prefix, "blog", commit, DeployPlan.between(store.live(prefix, "blog"), outputs), "no-cache",
                Instant.parse("2026-01-0" + day + "T00:00:00Z"));
    }

    /** Every object of the site under {@code prefix}: all but the release records and stored bytes. */
    private static Map<String, Served> site(String prefix) {
        Map<String, Served> site = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()) {
            String key = object.key().substring(prefix.length());
            if (!key.startsWith("_inkstream/")) {
                ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(object.key()));
                GetObjectResponse r = got.response();
                site.put(key, new Served(got.asByteArray(), r.eTag(), r.contentType(), r.cacheControl(), r.metadata()));
            }
        }
        return site;
    }

    private static void blob(String id, byte[] content) {
        s3.putObject(b -> b.bucket(BUCKET).key("_inkstream/blobs/" + id), RequestBody.fromBytes(content));
    }
}
