package dev.inkstream.standalone;

import dev.inkstream.render.RenderSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.jgit.api.Git;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What must hold after any fault, once the pipeline has settled: the checks every fault test
 * ends with.
 *
 * <ol>
 *   <li>The live site is the branch head, byte for byte what a from-scratch
 *       {@code ./inkstream publish} of that head uploads (bookkeeping under {@code _inkstream/}
 *       aside: release dates and timings differ by nature).</li>
 *   <li>The live release manifest matches the bucket: every object it lists is there with the
 *       recorded hash; the site has no object it does not list; and every retained release can be
 *       restored: each of its objects is live with the same bytes or stored by hash.</li>
 *   <li>No consumer is stopped: every service's group is stable with members, and has
 *       consumed every record a {@code read_committed} reader sees.</li>
 *   <li>No dead letter is lost: each dead-letter topic holds at least what it held before.</li>
 * </ol>
 */
public final class SiteInvariants {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String BOOKKEEPING = "_inkstream/";
    /**
     * The translation dashboard shows the translation checks as far as they had got when its
     * release was made, and {@code publish} copies out the first release of the head, which may
     * predate them; the live site's was refreshed since. Its bytes depend on timing, not on the
     * faults, so only its presence is compared.
     */
    private static final String TRANSLATION_DASHBOARD = "_status/translations";
    /** Every long-running consumer of a runtime; the replay command's group runs only with the command. */
    private static final List<String> GROUPS = List.of("inkstream-ingest", "inkstream-render", "inkstream-publish",
            RenderSettings.Translations.DEFAULT_APPLICATION_ID);

    /** Dead letters per dead-letter topic, taken before a fault. */
    record Before(Map<String, Integer> deadLetters) {}

    static Before before(LocalRuntime runtime) {
        return new Before(deadLetters(runtime));
    }

    /**
     * Checks every invariant of the runtime's first site, waiting (bounded) for the release of
     * the branch head and for the consumers to drain first. {@code work} holds the from-scratch publish.
     */
    static void assertConsistent(LocalRuntime runtime, Before before, Path work) throws Exception {
        RepositorySpec repo = runtime.repositories().getFirst();
        String head = repo.head();
        await("the release of the branch head " + head).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> head.equals(Releases.currentCommit(runtime)));
        assertConsumersRunningAndDrained(runtime);

        Map<String, byte[]> live = siteObjects(runtime.s3());
        assertManifestMatchesBucket(runtime.s3(), repo.id(), live);
        assertEqualsFromScratchPublish(runtime, repo, live, work);

        Map<String, Integer> after = deadLetters(runtime);
        before.deadLetters().forEach((topic, count) ->
                assertThat(after.getOrDefault(topic, 0)).as("dead letters in %s (no dead letter lost)", topic)
                        .isGreaterThanOrEqualTo(count));
    }

    /**
     * The live release of the site {@code repo} at the bucket's root matches the bucket: each
     * object it lists is there with the recorded hash, the site has no object it does not list,
     * and every object of every retained release is live with its bytes or stored by hash.
     */
    public static void assertManifestMatchesBucket(S3Client s3, String repo) {
        assertManifestMatchesBucket(s3, repo, siteObjects(s3));
    }

    private static void assertManifestMatchesBucket(S3Client s3, String repo, Map<String, byte[]> live) {
        ReleaseManifest manifest = new ReleaseStore(s3, LocalRuntime.BUCKET).live("", repo);
        // The recorded hash covers the bytes and the headers (or, for an asset copied from its
        // claim-check blob, the git blob id); each object carries it as it was uploaded. The
        // manifest lists some bookkeeping too (the diagnostics report).
        Set<String> keys = allKeys(s3);
        Set<String> checked = new TreeSet<>(live.keySet());
        checked.addAll(manifest.objects().keySet());
        List<String> mismatches = new ArrayList<>();
        for (String key : checked) {
            String recorded = manifest.objects().getOrDefault(key, "(not in the manifest)");
            String stored = keys.contains(key)
                    ? s3.headObject(b -> b.bucket(LocalRuntime.BUCKET).key(key)).metadata().getOrDefault("sha256", "(no hash)")
                    : "(not in the bucket)";
            if (!recorded.equals(stored)) {
                mismatches.add(key + ": manifest " + recorded + ", bucket " + stored);
            }
        }
        assertThat(mismatches).as("objects where the bucket and the live manifest of %s disagree", manifest.commit()).isEmpty();
        assertThat(keys).as("the live release's own manifest").contains(manifest.releaseKey());
        // Bytes are stored copy-on-write, when a release replaces them: an object a retained
        // release has is either still live with those bytes or stored under its hash.
        List<String> unrestorable = new ArrayList<>();
        for (ReleaseManifest retained : new ReleaseStore(s3, LocalRuntime.BUCKET).releases("")) {
            retained.objects().forEach((key, sha) -> {
                if (!sha.equals(manifest.objects().get(key)) && !keys.contains(ReleaseManifest.storedObjectKey(sha))) {
                    unrestorable.add(retained.releaseId() + " " + key);
                }
            });
        }
        assertThat(unrestorable).as("objects of retained releases that rollback could not restore").isEmpty();
    }

    private static void assertEqualsFromScratchPublish(LocalRuntime runtime, RepositorySpec repo, Map<String, byte[]> live,
                                                       Path work) throws Exception {
        Path scratch = Files.createTempDirectory(work, "from-scratch");
        // A site is named after its repository's folder, and the name shows in the translation
        // dashboard: a copy of the repository in a folder of the runtime's name publishes alike.
        Path copy = scratch.resolve(repo.id());
        Git.cloneRepository().setURI(repo.url()).setBare(true).setDirectory(copy.toFile()).call().close();
        Path out = scratch.resolve("out");
        String title = runtime.serviceProperties("publish").get("inkstream.publish.site-title");
        CliRun publish = CliRun.of("publish", "--repo", copy.toString(), "--ref", repo.branch(),
                "--data", scratch.resolve("data").toString(), "--out", out.toString(), "--title", title);
        assertThat(publish.exit()).as("from-scratch publish: %s", publish.output()).isZero();

        Map<String, byte[]> published = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = out.relativize(file).toString().replace('\\', '/');
                if (!key.startsWith(BOOKKEEPING)) {
                    published.put(key, Files.readAllBytes(file));
                }
            }
        }
        assertThat(live.keySet()).as("the live site's objects, against a from-scratch publish of %s", repo.head())
                .containsExactlyInAnyOrderElementsOf(published.keySet());
        List<String> differing = new ArrayList<>();
        published.forEach((key, bytes) -> {
            if (!key.startsWith(TRANSLATION_DASHBOARD) && !java.util.Arrays.equals(bytes, live.get(key))) {
                differing.add(key + ": " + firstDifference(live.get(key), bytes));
            }
        });
        assertThat(differing).as("objects whose bytes differ from a from-scratch publish").isEmpty();
    }

    /** Where two texts part, for a readable failure. */
    private static String firstDifference(byte[] live, byte[] scratch) {
        String a = new String(live, StandardCharsets.UTF_8);
        String b = new String(scratch, StandardCharsets.UTF_8);
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 40);
        return "live «" + a.substring(from, Math.min(a.length(), i + 60)) + "» vs «" + b.substring(from, Math.min(b.length(), i + 60)) + "»";
    }

    private static void assertConsumersRunningAndDrained(LocalRuntime runtime) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            await("every consumer group stable with members, and drained").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all().get();
                        Map<String, Long> lastVisible = new HashMap<>();
                        for (ConsumerGroupDescription group : groups.values()) {
                            assertThat(group.groupState()).as("state of %s", group.groupId()).isEqualTo(GroupState.STABLE);
                            assertThat(group.members()).as("members of %s", group.groupId()).isNotEmpty();
                            Set<TopicPartition> assigned = group.members().stream().map(MemberDescription::assignment)
                                    .flatMap(a -> a.topicPartitions().stream()).collect(Collectors.toSet());
                            Map<TopicPartition, OffsetAndMetadata> committed =
                                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                            for (TopicPartition partition : assigned) {
                                long last = lastVisible.computeIfAbsent(partition.topic() + "#" + partition.partition(),
                                        ignored -> lastVisibleOffset(runtime, partition));
                                OffsetAndMetadata offset = committed.get(partition);
                                assertThat(offset == null ? 0 : offset.offset()).as("%s consumed %s up to its last record",
                                        group.groupId(), partition).isGreaterThan(last);
                            }
                        }
                    });
        }
    }

    /** The offset of the last record a read_committed reader sees in the partition; -1 for none. */
    private static long lastVisibleOffset(LocalRuntime runtime, TopicPartition partition) {
        return TopicReader.committed(runtime.bootstrapServers(), partition.topic()).stream()
                .filter(r -> r.partition() == partition.partition()).mapToLong(ConsumerRecord::offset).max().orElse(-1);
    }

    private static Map<String, Integer> deadLetters(LocalRuntime runtime) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Topics.Spec topic : Topics.ALL) {
            String dlt = topic.name() + Topics.DEAD_LETTER_SUFFIX;
            counts.put(dlt, TopicReader.committed(runtime.bootstrapServers(), dlt).size());
        }
        return counts;
    }

    /** The site's objects (everything but bookkeeping) with their bytes. */
    private static Map<String, byte[]> siteObjects(S3Client s3) {
        Map<String, byte[]> objects = new TreeMap<>();
        for (String key : allKeys(s3)) {
            if (!key.startsWith(BOOKKEEPING)) {
                objects.put(key, s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(key)).asByteArray());
            }
        }
        return objects;
    }

    private static Set<String> allKeys(S3Client s3) {
        return s3.listObjectsV2Paginator(b -> b.bucket(LocalRuntime.BUCKET)).contents().stream().map(S3Object::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private SiteInvariants() {}
}
