package dev.inkstream.publish;

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
        @DefaultValue("true") boolean translationDashboard) {

    public String prefixOf(String repo) {
        String prefix = sitePrefixes.getOrDefault(repo, "");
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
