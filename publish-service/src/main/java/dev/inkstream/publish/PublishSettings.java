package dev.inkstream.publish;

import dev.inkstream.publish.deploy.cdn.CdnSettings;
import dev.inkstream.support.settings.InvalidSettingException;
import dev.inkstream.support.settings.SettingsCheck;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator sets for publish ({@code inkstream.publish.*}).
 *
 * @param siteTitle          title of the site until the content repository's own config says otherwise
 * @param sitePrefixes       key prefix in the bucket per repository id (e.g. {@code docs/}); a repository
 *                           not listed is published at the bucket root
 * @param pageCacheControl   {@code Cache-Control} of pages and indexes
 * @param assetCacheControl  {@code Cache-Control} of images and other files published as they are
 * @param manifestCacheControl {@code Cache-Control} of release manifests, which must never be stale
 * @param feedCacheControl   {@code Cache-Control} of feeds, sitemaps and robots.txt: short, readers poll them
 * @param hashedAssetCacheControl {@code Cache-Control} of assets whose name carries their hash
 *                           ({@code app.3f9a1c2e.css}): a new version is a new name, so they never change
 * @param dryRun             compute and report each release's plan (ReleasePublished outcome DRY_RUN) but write nothing
 * @param uploadConcurrency  uploads in flight at once per release
 * @param retainReleases     releases kept for rollback; stored bytes no kept release needs are deleted
 * @param maxDeleteShare     a release deleting more than this share of the live objects (of a site with more
 *                           than ten) is held until confirmed
 * @param confirmDeletes     deploy releases the max-delete-share valve would hold (set it for one run, then unset)
 * @param cdn                which CDN to purge after each release, and how to reach it
 * @param translationDashboard publish {@code /_status/translations/} and its JSON for sites with pages in
 *                           more than one language
 */
@ConfigurationProperties("inkstream.publish")
public record PublishSettings(
        @DefaultValue("Inkstream") String siteTitle,
        @DefaultValue Map<String, String> sitePrefixes,
        @DefaultValue("public, max-age=60, must-revalidate") String pageCacheControl,
        @DefaultValue("public, max-age=3600") String assetCacheControl,
        @DefaultValue("no-cache") String manifestCacheControl,
        // Deploying: headers by role, dry run, concurrency, retention, the delete valve, CDN purge.
        @DefaultValue("public, max-age=300, must-revalidate") String feedCacheControl,
        @DefaultValue("public, max-age=31536000, immutable") String hashedAssetCacheControl,
        @DefaultValue("false") boolean dryRun,
        @DefaultValue("16") int uploadConcurrency,
        @DefaultValue("10") int retainReleases,
        @DefaultValue("0.5") double maxDeleteShare,
        @DefaultValue("false") boolean confirmDeletes,
        @DefaultValue CdnSettings cdn,
        // Translations.
        @DefaultValue("true") boolean translationDashboard) {

    public PublishSettings {
        SettingsCheck.notBlank("inkstream.publish.site-title", siteTitle);
        SettingsCheck.atLeast("inkstream.publish.upload-concurrency", 1, uploadConcurrency);
        SettingsCheck.atLeast("inkstream.publish.retain-releases", 1, retainReleases);
        SettingsCheck.between("inkstream.publish.max-delete-share", 0.0, 1.0, maxDeleteShare);
        sitePrefixes.forEach((repo, prefix) -> {
            // A prefix is a folder of the bucket: never above it, never over publish's own records.
            String key = "inkstream.publish.site-prefixes." + repo;
            if (prefix.startsWith("/") || prefix.contains("\\") || List.of(prefix.split("/")).contains("..")
                    || prefix.startsWith("_inkstream")) {
                throw new InvalidSettingException(key, "must be a relative folder of the bucket such as docs/ (was " + prefix + ")");
            }
        });
    }

    public String prefixOf(String repo) {
        String prefix = sitePrefixes.getOrDefault(repo, "");
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
