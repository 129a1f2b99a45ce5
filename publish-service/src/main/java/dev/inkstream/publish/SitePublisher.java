package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.ReleasePublished.Outcome;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.DeleteValve;
import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.deploy.ObjectHeaders;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.deploy.cdn.CdnPurger;
import dev.inkstream.publish.deploy.cdn.CdnPurgers;
import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.publish.output.SiteOutputs;
import dev.inkstream.publish.translations.TranslationDashboard;
import dev.inkstream.support.s3.S3Settings;
import dev.inkstream.support.tracing.RecordTracing;
import dev.inkstream.support.tracing.TracedStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishes one repository's site as of a change set: outputs, diff, upload, manifest, purge. */
@Component
public class SitePublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SitePublisher.class);

    private final PublishSettings settings;
    private final SiteOutputs siteOutputs = new SiteOutputs();
    private final ObjectHeaders headers;
    private final TranslationDashboard dashboard = new TranslationDashboard();
    private final BucketDeployer deployer;
    private final CdnPurger purger;
    private final Clock clock = Clock.systemUTC();
    private final RecordTracing tracing;
    /** Each repository's last release's outputs with their headers applied, by the identity of the output. */
    private final Map<String, Map<OutputObject, OutputObject>> headered = new HashMap<>();
    private final Map<String, DashboardMemo> dashboards = new HashMap<>();
    /** Each site's last release and what it was made of, by prefix; the next plan trusts it while it is live. */
    private final Map<String, DeployPlan.Deployed> deployed = new HashMap<>();

    /** Untraced, for tools and tests that publish without a service around them. */
    public SitePublisher(PublishSettings settings, S3Client s3, S3Settings s3Settings) {
        this(settings, s3, s3Settings, RecordTracing.untraced());
    }

    @Autowired
    public SitePublisher(PublishSettings settings, S3Client s3, S3Settings s3Settings, RecordTracing tracing) {
        this.tracing = tracing;
        this.settings = settings;
        this.headers = headersOf(settings);
        this.deployer = new BucketDeployer(new ReleaseStore(s3, s3Settings.bucket()), s3, settings.uploadConcurrency());
        this.purger = CdnPurgers.from(settings.cdn());
    }

    static ObjectHeaders headersOf(PublishSettings settings) {
        return new ObjectHeaders(settings.pageCacheControl(), settings.assetCacheControl(),
                settings.hashedAssetCacheControl(), settings.feedCacheControl(), settings.manifestCacheControl());
    }

    public ReleasePublished publishChangeSet(ChangeSet changeSet, Map<String, RenderedDocument> documents,
                                             List<ChangeSet.Skipped> skipped) {
        return publishChangeSet(changeSet, documents, skipped, List.of());
    }

    /** A release with the translation dashboard, when the site has pages in more than one language. */
    public ReleasePublished publishChangeSet(ChangeSet changeSet, Map<String, RenderedDocument> documents,
                                             List<ChangeSet.Skipped> skipped, Collection<TranslationGroup> translations) {
        String repo = changeSet.repo();
        String commit = changeSet.after();
        String prefix = settings.prefixOf(repo);
        Map<String, Long> timings = new LinkedHashMap<>();

        long start = System.nanoTime();
        Map<String, TranslationGroup> groups = new LinkedHashMap<>();
        translations.forEach(group -> groups.put(group.translationKey(), group));
        var site = new SiteOutputs.Site(settings.siteTitle(), documents, settings.pageCacheControl(), "/" + prefix,
                settings.assetCacheControl(), skipped, groups);
        List<OutputObject> made = new ArrayList<>(siteOutputs.outputs(site));
        for (var collision : siteOutputs.collisionsLastTime()) {
            log.warn("repo={} commit={}: {} and {} would both be published at {}; only {} is, rename the others",
                    repo, commit, collision.published(), collision.hidden(), collision.url(), collision.published());
        }
        if (settings.translationDashboard() && TranslationDashboard.multilingual(documents.values())) {
            made.addAll(dashboard(repo, translations));
        }
        List<OutputObject> outputs = withHeaders(repo, made);
        long rendered = System.nanoTime();
        timings.put("templates", (rendered - start) / 1_000_000);
        ReleaseManifest live = deployer.store().live(prefix, repo);
        DeployPlan plan = DeployPlan.between(live, outputs, deployer.store().unsettled(prefix), deployed.get(prefix));
        long planned = lap(timings, "plan", rendered);

        Optional<String> held = holdReason(live, commit, plan);
        if (held.isPresent() || settings.dryRun()) {
            Outcome outcome = held.isPresent() ? Outcome.HELD : Outcome.DRY_RUN;
            String note = held.map(reason -> reason + "\n" + plan.describe()).orElse(plan.describe());
            if (outcome == Outcome.HELD) {
                log.warn("release repo={} commit={} held: {}", repo, commit, note);
            } else {
                log.info("release repo={} commit={} planned (dry run): {}", repo, commit, note);
            }
            return release(changeSet, documents, plan, timings, outcome, note);
        }
        if (!plan.isEmpty() || !live.releaseId().equals(commit)) {
            try (TracedStep deploy = tracing.step("deploy " + commit)) {
                ReleaseManifest manifest = deployer.apply(prefix, repo, commit, plan, settings.manifestCacheControl(),
                        clock.instant());
                long applied = lap(timings, "upload", planned);
                DeployPlan.Deployed.of(manifest, outputs).ifPresentOrElse(last -> deployed.put(prefix, last),
                        () -> deployed.remove(prefix));
                expireLater(prefix, manifest);
                purge(prefix, plan);
                lap(timings, "purge", applied);
            }
        }
        long uploaded = System.nanoTime();
        timings.put("deploy", (uploaded - rendered) / 1_000_000);
        var release = release(changeSet, documents, plan, timings, Outcome.PUBLISHED, null);
        log.info("published repo={} commit={} delivery={}: {} documents ({} page templates rendered), {} objects written, "
                        + "{} unchanged, {} deleted in {} ms {}",
                repo, commit, changeSet.deliveryId(), release.documents(), siteOutputs.pagesRenderedLastTime(),
                release.objectsWritten(), release.objectsUnchanged(), release.objectsDeleted(), (uploaded - start) / 1_000_000,
                timings);
        return release;
    }

    /** Records the milliseconds since {@code since} as step {@code name}; returns now. */
    private static long lap(Map<String, Long> timings, String name, long since) {
        long now = System.nanoTime();
        timings.put(name, (now - since) / 1_000_000);
        return now;
    }

    /**
     * The outputs with the operator's headers. Most outputs are the very objects of the last
     * release (the site's outputs are cached), so they keep the result they had then instead of
     * being hashed again.
     */
    private List<OutputObject> withHeaders(String repo, List<OutputObject> made) {
        Map<OutputObject, OutputObject> before = headered.getOrDefault(repo, Map.of());
        Map<OutputObject, OutputObject> now = new IdentityHashMap<>(made.size() * 2);
        List<OutputObject> outputs = new ArrayList<>(made.size());
        for (OutputObject object : made) {
            OutputObject known = before.get(object);
            OutputObject applied = known != null ? known : headers.apply(object);
            now.put(object, applied);
            outputs.add(applied);
        }
        headered.put(repo, now);
        return outputs;
    }

    /** The dashboard's outputs, made again only when its groups or title changed. */
    private List<OutputObject> dashboard(String repo, Collection<TranslationGroup> translations) {
        List<Object> inputs = List.of(repo, settings.siteTitle(), List.copyOf(translations), settings.pageCacheControl());
        DashboardMemo memo = dashboards.get(repo);
        if (memo == null || !memo.inputs().equals(inputs)) {
            memo = new DashboardMemo(inputs, dashboard.outputs(repo, settings.siteTitle(), translations,
                    settings.pageCacheControl()));
            dashboards.put(repo, memo);
        }
        return memo.outputs();
    }

    private record DashboardMemo(List<Object> inputs, List<OutputObject> outputs) {}

    /** Why this release must not go live as it is, if it must not. */
    private Optional<String> holdReason(ReleaseManifest live, String commit, DeployPlan plan) {
        if (live.rolledBack().contains(commit)) {
            return Optional.of("commit " + commit + " was rolled back by an operator; the rollback stands until a new"
                    + " commit is pushed");
        }
        return new DeleteValve(settings.maxDeleteShare(), settings.confirmDeletes()).check(plan);
    }

    /**
     * Retention is housekeeping, kept off the way of the next push: it runs when the publisher is
     * idle ({@link #housekeeping}), or inline once a site has had {@link #EXPIRE_AT_LEAST_EVERY}
     * releases without an idle moment. Its work is what the releases since changed (see {@link
     * ReleaseStore#expire}), but it costs a listing and two deletions, requests an edit need not
     * wait for after every release; and it stays on this thread: a release's copy-on-write may
     * store bytes again that an expiring release had.
     */
    private void expireLater(String prefix, ReleaseManifest live) {
        Unexpired unexpired = this.unexpired.merge(prefix, new Unexpired(live, 1),
                (before, now) -> new Unexpired(now.live(), before.releases() + 1));
        if (unexpired.releases() >= EXPIRE_AT_LEAST_EVERY) {
            this.unexpired.remove(prefix);
            expire(prefix, live);
        }
    }

    /** Releases of a site since its last expiry, and the last of them. */
    private record Unexpired(ReleaseManifest live, int releases) {}

    static final int EXPIRE_AT_LEAST_EVERY = 10;
    private final Map<String, Unexpired> unexpired = new HashMap<>();

    /** Expires what the releases since the last call left behind; call it when nothing is waiting to be published. */
    public void housekeeping() {
        for (var site : Map.copyOf(unexpired).entrySet()) {
            unexpired.remove(site.getKey());
            expire(site.getKey(), site.getValue().live());
        }
    }

    /** A failure is logged, and the next housekeeping tries again. */
    private void expire(String prefix, ReleaseManifest live) {
        try {
            long start = System.nanoTime();
            int expired = deployer.store().expire(prefix, settings.retainReleases(), live);
            if (expired > 0) {
                log.info("expired {} stored objects no retained release of {} needs in {} ms", expired, live.repo(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("could not expire old releases of {}: {}", live.repo(), e.toString());
        }
    }

    private void purge(String prefix, DeployPlan plan) {
        List<String> paths = CdnPurger.changedPaths(prefix, plan);
        if (paths.isEmpty()) {
            return;
        }
        try {
            purger.purge(paths);
        } catch (RuntimeException e) {
            log.warn("CDN purge of {} paths failed; they expire with their Cache-Control: {}", paths.size(), e.toString());
        }
    }

    @Override
    public void close() throws Exception {
        housekeeping();
        if (purger instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private ReleasePublished release(ChangeSet changeSet, Map<String, RenderedDocument> documents, DeployPlan plan,
                                     Map<String, Long> timings, Outcome outcome, @Nullable String note) {
        int diagnostics = documents.values().stream().mapToInt(d -> d.diagnostics().size()).sum();
        boolean live = outcome == Outcome.PUBLISHED;
        return new ReleasePublished(ReleasePublished.SCHEMA_VERSION, changeSet.repo(), changeSet.after(), changeSet.after(),
                documents.size(), live ? plan.uploads().size() : 0, plan.unchanged().size(),
                live ? plan.deletions().size() : 0, diagnostics, clock.instant(), timings, outcome, note);
    }
}
