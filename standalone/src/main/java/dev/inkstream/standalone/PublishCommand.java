package dev.inkstream.standalone;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.deploy.ReleaseManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code inkstream publish}: one release of one repository through the real pipeline, then a copy
 * of the bucket on disk and a summary.
 */
final class PublishCommand {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Exit status when the release was held (too many deletions, or a rolled-back commit). */
    static final int HELD = 3;

    private final Path data;
    private final RepositorySpec repo;
    private final @Nullable Path out;
    private final String title;
    private final long timeoutSeconds;
    private final boolean dryRun;
    private final boolean confirmDeletes;

    /** {@code out} may be absent only for a dry run, which writes nothing. */
    PublishCommand(Path data, RepositorySpec repo, @Nullable Path out, String title, long timeoutSeconds, boolean dryRun,
                   boolean confirmDeletes) {
        this.data = data;
        this.repo = repo;
        this.out = out;
        this.title = title;
        this.timeoutSeconds = timeoutSeconds;
        this.dryRun = dryRun;
        this.confirmDeletes = confirmDeletes;
    }

    int run() throws Exception {
        long start = System.nanoTime();
        String head = repo.head();
        if (head == null) {
            System.err.println("inkstream: branch '" + repo.branch() + "' not found in " + repo.url());
            return 2;
        }
        if (out != null && !isEmptyOrEarlierOutput(out)) {
            System.err.println("inkstream: --out " + out + " is not empty and holds no earlier Inkstream output;"
                    + " choose a new or empty directory (publish replaces its contents)");
            return 2;
        }
        Map<String, String> publishSettings = new LinkedHashMap<>();
        publishSettings.put("inkstream.publish.dry-run", String.valueOf(dryRun));
        publishSettings.put("inkstream.publish.confirm-deletes", String.valueOf(confirmDeletes));
        Instant since = Instant.now();
        try (LocalRuntime runtime = LocalRuntime.start(
                new LocalRuntime.Options(data, List.of(repo), -1, 0, title, publishSettings));
                ReleaseWatcher releases = new ReleaseWatcher(runtime.bootstrapServers(), repo.id(), head, since)) {
            boolean alreadyLive = !dryRun && liveCommit(runtime.s3()).filter(head::equals).isPresent();
            runtime.announceAll();
            Optional<ReleasePublished> notLive = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (!(alreadyLive || (!dryRun && liveCommit(runtime.s3()).filter(head::equals).isPresent()))) {
                notLive = releases.poll(POLL).filter(r -> r.outcome() != ReleasePublished.Outcome.PUBLISHED);
                if (notLive.isPresent()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("inkstream: the release of " + head + " did not go live within " + timeoutSeconds
                            + " s; see the log above");
                    return 1;
                }
            }
            if (notLive.isPresent()) {
                return reportNotLive(head, notLive.get());
            }
            int copied = copyBucket(runtime.s3(), Objects.requireNonNull(out, "--out is required unless --dry-run"));
            Optional<ReleasePublished> release = lastRelease(runtime.bootstrapServers(), head);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.println(summary(head, alreadyLive, release, copied, elapsed));
        }
        return 0;
    }

    private String summary(String head, boolean alreadyLive, Optional<ReleasePublished> release, int copied, double elapsed) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Published %s (%s) at %s", repo.id(), repo.branch(), head.substring(0, 12)));
        if (alreadyLive) {
            s.append(", which was already live: nothing changed");
        }
        release.ifPresent(r -> s.append(String.format(
                alreadyLive ? "; its release had %d documents, %d diagnostics"
                        : ": %d documents, %d objects written, %d unchanged, %d deleted, %d diagnostics",
                alreadyLive ? new Object[] {r.documents(), r.diagnostics()}
                        : new Object[] {r.documents(), r.objectsWritten(), r.objectsUnchanged(), r.objectsDeleted(), r.diagnostics()})));
        s.append(String.format(". Copied %d objects to %s in %.1f s.", copied, out.toAbsolutePath(), elapsed));
        return s.toString();
    }

    /** A dry run's plan on stdout (exit 0), or why the release was held on stderr (exit {@link #HELD}). */
    private int reportNotLive(String head, ReleasePublished release) {
        String at = String.format("%s (%s) at %s", repo.id(), repo.branch(), head.substring(0, 12));
        if (release.outcome() == ReleasePublished.Outcome.DRY_RUN) {
            System.out.println("Dry run of " + at + ": nothing was written.\n" + release.note());
            return 0;
        }
        System.err.println("inkstream: the release of " + at + " was held: " + release.note());
        return HELD;
    }

    private Optional<String> liveCommit(S3Client s3) {
        String commit = new ReleaseStore(s3, LocalRuntime.BUCKET).live("", repo.id()).commit();
        return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
    }

    /** Only a directory this command wrote before (or an empty one) may be replaced. */
    private static boolean isEmptyOrEarlierOutput(Path out) throws IOException {
        if (!Files.exists(out)) {
            return true;
        }
        try (var entries = Files.list(out)) {
            return entries.findAny().isEmpty() || Files.exists(out.resolve(ReleaseManifest.CURRENT_KEY));
        }
    }

    /** Makes {@code out} a copy of the bucket: every object written, every other file removed. */
    private static int copyBucket(S3Client s3, Path out) throws IOException {
        Path root = out.toAbsolutePath().normalize();
        Set<Path> written = new HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(LocalRuntime.BUCKET)).contents()) {
            if (object.key().contains(ReleaseManifest.OBJECTS_PREFIX)) {
                continue; // rollback's stored bytes: the bucket's history, not the site
            }
            Path target = root.resolve(object.key()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("refusing to write outside " + root + ": " + object.key());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(object.key())).asByteArray());
            written.add(target);
        }
        try (var files = Files.walk(root)) {
            for (Path stale : files.filter(Files::isRegularFile).filter(f -> !written.contains(f)).toList()) {
                Files.delete(stale);
            }
        }
        try (var dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (var entries = Files.list(dir)) {
                    if (!dir.equals(root) && entries.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        }
        return written.size();
    }

    /** The newest {@link ReleasePublished} for {@code commit}, read from the releases topic. */
    private Optional<ReleasePublished> lastRelease(String bootstrapServers, String commit) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELEASES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ReleasePublished found = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(POLL)) {
                    ReleasePublished release = EventJson.read(record.value(), ReleasePublished.class);
                    if (release.repo().equals(repo.id()) && release.commit().equals(commit)
                            && release.outcome() == ReleasePublished.Outcome.PUBLISHED) {
                        found = release;
                    }
                }
            }
            return Optional.ofNullable(found);
        }
    }
}
