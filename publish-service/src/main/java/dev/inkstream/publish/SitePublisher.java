package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.translations.TranslationDashboard;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.publish.output.SiteOutputs;
import dev.inkstream.support.s3.S3Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishes one repository's site as of a change set: outputs, diff, upload, manifest. */
@Component
public class SitePublisher {

    private static final Logger log = LoggerFactory.getLogger(SitePublisher.class);

    private final PublishSettings settings;
    private final SiteOutputs siteOutputs = new SiteOutputs();
    private final TranslationDashboard dashboard = new TranslationDashboard();
    private final BucketDeployer deployer;
    private final Clock clock = Clock.systemUTC();

    public SitePublisher(PublishSettings settings, S3Client s3, S3Settings s3Settings) {
        this.settings = settings;
        this.deployer = new BucketDeployer(s3, s3Settings.bucket());
    }

    public ReleasePublished publishChangeSet(ChangeSet changeSet, Map<String, RenderedDocument> documents,
                                             List<ChangeSet.Skipped> skipped) {
        return publishChangeSet(changeSet, documents, skipped, List.of());
    }

    /** A release with the translation dashboard, when the site has pages in more than one language. */
    public ReleasePublished publishChangeSet(ChangeSet changeSet, Map<String, RenderedDocument> documents,
                                             List<ChangeSet.Skipped> skipped, Collection<TranslationGroup> translations) {
        String repo = changeSet.repo();
        String prefix = settings.prefixOf(repo);
        Map<String, Long> timings = new LinkedHashMap<>();

        long start = System.nanoTime();
        var site = new SiteOutputs.Site(settings.siteTitle(), documents, settings.pageCacheControl(), "/" + prefix,
                settings.assetCacheControl(), skipped);
        for (var collision : siteOutputs.collisions(site)) {
            log.warn("repo={} commit={}: {} and {} would both be published at {}; only {} is, rename the others",
                    repo, changeSet.after(), collision.published(), collision.hidden(), collision.url(), collision.published());
        }
        List<OutputObject> outputs = new ArrayList<>(siteOutputs.outputs(site));
        if (settings.translationDashboard() && TranslationDashboard.multilingual(documents.values())) {
            outputs.addAll(dashboard.outputs(repo, settings.siteTitle(), translations, settings.pageCacheControl()));
        }
        long rendered = System.nanoTime();
        ReleaseManifest live = deployer.live(prefix, repo);
        DeployPlan plan = DeployPlan.between(live, outputs);
        deployer.apply(prefix, repo, changeSet.after(), plan, settings.manifestCacheControl());
        long uploaded = System.nanoTime();
        timings.put("templates", (rendered - start) / 1_000_000);
        timings.put("deploy", (uploaded - rendered) / 1_000_000);

        int diagnostics = documents.values().stream().mapToInt(d -> d.diagnostics().size()).sum();
        var release = new ReleasePublished(ReleasePublished.SCHEMA_VERSION, repo, changeSet.after(), changeSet.after(),
                documents.size(), plan.uploads().size(), plan.unchanged().size(), plan.deletions().size(), diagnostics,
                clock.instant(), timings);
        log.info("published repo={} commit={} delivery={}: {} documents, {} objects written, {} unchanged, {} deleted in {} ms",
                repo, changeSet.after(), changeSet.deliveryId(), release.documents(), release.objectsWritten(),
                release.objectsUnchanged(), release.objectsDeleted(), (uploaded - start) / 1_000_000);
        return release;
    }
}
