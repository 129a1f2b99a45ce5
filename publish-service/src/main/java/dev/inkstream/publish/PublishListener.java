package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.translations.TranslationDashboard;
import dev.inkstream.publish.site.SiteModel;
import dev.inkstream.support.tracing.RecordTracing;
import dev.inkstream.support.tracing.TracedStep;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps the site model from {@code rendered.v1} and the change-set queues from {@code changes.v1},
 * and publishes whenever the oldest change set of a repository is fully rendered.
 *
 * <p>The model lives in memory and is rebuilt on every start by reading both topics from the
 * beginning ({@code rendered.v1} is compacted). Nothing is published until that replay has caught
 * up with the end offsets seen at start: publishing a half-loaded model would delete pages.
 * Replayed change sets that were already published produce an empty diff.
 */
@Component
public class PublishListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(PublishListener.class);

    private final SiteModel model = new SiteModel();
    private final SitePublisher publisher;
    private final KafkaTemplate<String, Object> kafka;
    private final ReleaseMetrics releaseMetrics;
    private @Nullable Map<TopicPartition, Long> replayTargets;
    private boolean caughtUp;
    private final Map<String, ChangeSet> lastReleased = new HashMap<>();
    /** Repositories whose translation groups changed since their dashboard was last published, and since when (nanoTime). */
    private final Map<String, Long> translationsChanged = new HashMap<>();
    /** How long a changed dashboard may wait for the pipeline to go idle before it is refreshed anyway. */
    static final Duration DASHBOARD_AT_MOST = Duration.ofSeconds(15);
    /** The groups each repository's live dashboard shows. */
    private final Map<String, List<TranslationGroup>> dashboardGroups = new HashMap<>();

    private final ReleaseTraces releaseTraces;

    public PublishListener(SitePublisher publisher, KafkaTemplate<String, Object> kafka, ReleaseMetrics releaseMetrics,
                           RecordTracing tracing) {
        this.publisher = publisher;
        this.kafka = kafka;
        this.releaseMetrics = releaseMetrics;
        this.releaseTraces = new ReleaseTraces(tracing);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        model.clear();
        lastReleased.clear();
        translationsChanged.clear();
        dashboardGroups.clear();
        replayTargets = null;
        caughtUp = false;
        callback.seekToBeginning(assignments.keySet());
    }

    @KafkaListener(id = "inkstream-publish", idIsGroup = false, topics = {Topics.RENDERED, Topics.CHANGES, Topics.TRANSLATIONS})
    public void applyAndPublish(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        if (replayTargets == null) {
            replayTargets = consumer.endOffsets(consumer.assignment());
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                apply(records.get(i));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("cannot apply " + records.get(i).topic() + " record "
                        + records.get(i).key() + ": " + e.getMessage(), e, i);
            }
        }
        if (!caughtUp) {
            caughtUp = replayTargets.entrySet().stream()
                    .allMatch(target -> consumer.position(target.getKey()) >= target.getValue());
            if (!caughtUp) {
                return;
            }
            log.info("site model loaded; publishing is live");
        }
        publishReleasable();
    }

    /**
     * Retries releases that failed (S3 unreachable, say) while no records arrive, and expires old
     * releases when nothing waits. Idle events are published on the consumer thread, so the model
     * is never touched concurrently, and retention never runs during a release.
     */
    @EventListener(condition = "event.listenerId.startsWith('inkstream-publish')")
    public void retryWhenIdle(ListenerContainerIdleEvent event) {
        if (caughtUp) {
            publishReleasable();
            refreshTranslationDashboards(true);
            if (model.repositoriesWithQueuedChanges().isEmpty()) {
                publisher.housekeeping();
            }
        }
    }

    private void publishReleasable() {
        for (String repo : model.repositoriesWithQueuedChanges()) {
            model.releasable(repo).ifPresent(this::publish);
        }
        refreshTranslationDashboards(false);
    }

    /**
     * Translation groups arrive on their own topic, usually just after the release of the push
     * that changed them. A release therefore publishes the dashboard as of the groups the last
     * one used, and when groups changed since, a multilingual site with nothing queued is
     * published again as of its last release with the new groups: only the dashboard's objects
     * differ, so only they are uploaded, and a push's own release never depends on how far the
     * translation checks have got.
     *
     * <p>A refresh is a whole release, so it waits for the listener to be idle (or at most
     * {@link #DASHBOARD_AT_MOST}): every edit changes groups, and a refresh after each push of a
     * burst would hold up the next push's release behind it.
     */
    private void refreshTranslationDashboards(boolean idle) {
        long now = System.nanoTime();
        for (var changed : Map.copyOf(translationsChanged).entrySet()) {
            String repo = changed.getKey();
            ChangeSet last = lastReleased.get(repo);
            if (model.repositoriesWithQueuedChanges().contains(repo)
                    || !idle && now - changed.getValue() < DASHBOARD_AT_MOST.toNanos()) {
                continue;
            }
            translationsChanged.remove(repo);
            if (last != null && TranslationDashboard.multilingual(model.documents(repo).values())) {
                dashboardGroups.put(repo, List.copyOf(model.translations(repo)));
                refresh(last);
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.CHANGES)) {
            ChangeSet changeSet = EventJson.read(record.value(), ChangeSet.class);
            model.enqueue(changeSet);
            releaseTraces.remember(changeSet, record.headers());
        } else if (record.topic().equals(Topics.TRANSLATIONS)) {
            // Keyed repo:translationKey, which parses like repo:path.
            var key = Topics.DocumentKey.parse(record.key());
            model.applyTranslations(key.repo(), key.path(),
                    record.value() == null ? null : EventJson.read(record.value(), TranslationGroup.class));
            translationsChanged.putIfAbsent(key.repo(), System.nanoTime());
        } else if (record.value() == null) {
            var key = Topics.DocumentKey.parse(record.key());
            model.remove(key.repo(), key.path());
        } else {
            model.apply(EventJson.read(record.value(), RenderedDocument.class));
        }
    }

    /**
     * The live commit again with the new translation groups. Not a push's release: it is
     * announced as REFRESHED, only when it wrote something, and adds nothing to push-to-live.
     * A failure is logged; the next change of groups or the next push tries again.
     */
    private void refresh(ChangeSet last) {
        try (TracedStep step = releaseTraces.refreshing(last)) {
            refreshTraced(last);
        }
    }

    private void refreshTraced(ChangeSet last) {
        try {
            var release = publisher.publishChangeSet(last, model.documents(last.repo()), model.skipped(last.repo()),
                    dashboardGroups.get(last.repo()));
            if (release.outcome() == ReleasePublished.Outcome.PUBLISHED
                    && release.objectsWritten() + release.objectsDeleted() > 0) {
                kafka.send(Topics.RELEASES, last.repo(), release.asRefresh("translation dashboard refreshed"));
            }
        } catch (RuntimeException e) {
            // Tried again when the listener is next idle.
            translationsChanged.putIfAbsent(last.repo(), System.nanoTime());
            log.error("refreshing the translation dashboard of repo={} failed, will retry: {}", last.repo(), e.toString());
        }
    }

    /** A failed release stays queued and is retried with the next batch or idle event. */
    private void publish(ChangeSet changeSet) {
        try (TracedStep step = releaseTraces.publishing(changeSet)) {
            publishTraced(changeSet, step);
        }
    }

    private void publishTraced(ChangeSet changeSet, TracedStep step) {
        try {
            List<TranslationGroup> groups = dashboardGroups.computeIfAbsent(changeSet.repo(),
                    repo -> List.copyOf(model.translations(repo)));
            var release = publisher.publishChangeSet(changeSet, model.documents(changeSet.repo()), model.skipped(changeSet.repo()),
                    groups);
            model.released(changeSet);
            lastReleased.put(changeSet.repo(), changeSet);
            kafka.send(Topics.RELEASES, changeSet.repo(), release);
            releaseMetrics.released(changeSet, release);
        } catch (RuntimeException e) {
            step.failed(e);
            log.error("publishing repo={} commit={} failed, will retry: {}", changeSet.repo(), changeSet.after(), e.toString());
        }
    }
}
