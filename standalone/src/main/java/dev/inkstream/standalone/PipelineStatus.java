package dev.inkstream.standalone;

import dev.inkstream.render.RenderSettings;
import dev.inkstream.events.CloudEventHeaders;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.output.SiteOutputs;
import dev.inkstream.standalone.infra.TopicContents;
import dev.inkstream.support.kafka.DeadLetterReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/**
 * What an operator of the one-machine runtime asks first: what is live for each site, whether
 * the services are keeping up, and what failed. Served by the edge at {@code /_inkstream/status}
 * and printed by {@code ./inkstream status}. It only reads: release manifests and diagnostics
 * from the bucket, offsets from Kafka.
 */
final class PipelineStatus {

    static final String PATH = "/_inkstream/status";
    private static final List<String> GROUPS = List.of("inkstream-ingest", "inkstream-render",
            RenderSettings.Translations.DEFAULT_APPLICATION_ID, "inkstream-publish");

    record Status(Instant at, List<Site> sites, Map<String, Long> lagByGroup, List<DeadLetters> deadLetters) {}

    /**
     * @param diagnostics counts by severity in the site's diagnostics report
     * @param errors      the first error diagnostics, as {@code path: code: message}
     * @param traceId     the trace of the push that made the live release: grep the logs for it
     */
    record Site(String repo, String prefix, @Nullable String commit, @Nullable String releaseId,
                Map<String, Integer> diagnostics, List<String> errors, @Nullable String traceId) {}

    record DeadLetters(String topic, int waiting, @Nullable String latest) {}

    private final LocalRuntime runtime;

    PipelineStatus(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    byte[] json() {
        return EventJson.write(status());
    }

    Status status() {
        List<Site> sites = new ArrayList<>();
        List<RepositorySpec> repositories = runtime.repositories();
        var releases = TopicContents.committed(runtime.bootstrapServers(), Topics.RELEASES);
        for (int i = 0; i < repositories.size(); i++) {
            String repo = repositories.get(i).id();
            Site site = site(repo, i == 0 ? "" : repo + "/");
            sites.add(site.commit() == null ? site : withTrace(site, releases));
        }
        DeadLetterReplay replay = new DeadLetterReplay(runtime.bootstrapServers());
        List<DeadLetters> dead = Topics.ALL.stream().map(spec -> {
            var pending = replay.pending(spec.name());
            var letters = pending.letters();
            return new DeadLetters(pending.deadLetterTopic(), letters.size(),
                    letters.isEmpty() ? null : letters.getLast().key() + ": " + letters.getLast().message());
        }).toList();
        return new Status(Instant.now(), sites, lag(), dead);
    }

    /**
     * Counts a release's {@code diagnostics.json} by severity and lists its first errors as
     * {@code path: code: message}. Each document's own diagnostics name no path: the entry they
     * are listed under does.
     */
    static void summarise(JsonNode diagnostics, Map<String, Integer> counts, List<String> errors) {
        diagnostics.path("documents").forEach(document -> document.path("diagnostics").forEach(d -> {
            String severity = d.path("severity").asString();
            counts.merge(severity, 1, Integer::sum);
            if (severity.equals("ERROR") && errors.size() < 10) {
                String path = d.path("path").asString(document.path("path").asString("?"));
                errors.add(path + ": " + d.path("code").asString() + ": " + d.path("message").asString());
            }
        }));
    }

    private Site site(String repo, String prefix) {
        S3Client s3 = runtime.s3();
        ReleaseManifest current = new ReleaseStore(s3, LocalRuntime.BUCKET).live(prefix, repo);
        @Nullable JsonNode diagnostics = read(s3, prefix + SiteOutputs.DIAGNOSTICS_KEY);
        Map<String, Integer> counts = new java.util.TreeMap<>();
        List<String> errors = new ArrayList<>();
        if (diagnostics != null) {
            summarise(diagnostics, counts, errors);
        }
        // An empty manifest (nothing released yet) has an empty commit.
        return new Site(repo, prefix, current.commit().isEmpty() ? null : current.commit(),
                current.releaseId().isEmpty() ? null : current.releaseId(), counts, errors, null);
    }

    /** The trace in the {@code traceparent} of the live commit's release record, when it has one. */
    private static Site withTrace(Site site, List<ConsumerRecord<String, byte[]>> releases) {
        String traceId = null;
        for (var record : releases) {
            ReleasePublished release = EventJson.read(record.value(), ReleasePublished.class);
            if (release.repo().equals(site.repo()) && release.commit().equals(site.commit())
                    && release.outcome() == ReleasePublished.Outcome.PUBLISHED) {
                traceId = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT)
                        .map(traceparent -> traceparent.split("-")).filter(parts -> parts.length == 4)
                        .map(parts -> parts[1]).orElse(traceId);
            }
        }
        return new Site(site.repo(), site.prefix(), site.commit(), site.releaseId(), site.diagnostics(), site.errors(),
                traceId);
    }

    private static @Nullable JsonNode read(S3Client s3, String key) {
        try {
            return EventJson.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** Records each group has yet to process, summed over its partitions. */
    private Map<String, Long> lag() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<String, Long> lag = new java.util.LinkedHashMap<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                long total = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        total += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group, total);
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot read consumer offsets: " + e, e);
        }
    }

    /** The status as a few lines for a terminal. */
    static String text(JsonNode status) {
        StringBuilder out = new StringBuilder();
        for (JsonNode site : status.path("sites")) {
            out.append(String.format("site %-12s live %s (release %s)%n", site.path("repo").asString(),
                    site.path("commit").isNull() ? "nothing yet" : site.path("commit").asString(),
                    site.path("releaseId").asString("-")));
            if (site.hasNonNull("traceId")) {
                out.append(String.format("  trace %s (grep the logs for it)%n", site.path("traceId").asString()));
            }
            site.path("diagnostics").properties().forEach(e ->
                    out.append(String.format("  %d %s diagnostic(s)%n", e.getValue().asInt(), e.getKey().toLowerCase())));
            site.path("errors").forEach(e -> out.append("    ").append(e.asString()).append('\n'));
        }
        // Offsets, not records: every committed transaction leaves a marker, so an idle group shows a few.
        status.path("lagByGroup").properties().forEach(e ->
                out.append(String.format("lag  %-18s %d offset(s) behind%n", e.getKey(), e.getValue().asLong())));
        for (JsonNode dead : status.path("deadLetters")) {
            if (dead.path("waiting").asInt() > 0) {
                out.append(String.format("dead %-26s %d waiting; latest %s%n", dead.path("topic").asString(),
                        dead.path("waiting").asInt(), dead.path("latest").asString()));
            }
        }
        return out.toString();
    }
}
