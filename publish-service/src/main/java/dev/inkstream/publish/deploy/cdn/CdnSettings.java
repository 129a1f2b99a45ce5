package dev.inkstream.publish.deploy.cdn;

import dev.inkstream.support.settings.SettingsCheck;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which CDN to purge after a release, and how ({@code inkstream.publish.cdn.*}).
 *
 * @param provider       {@code none}, {@code cloudfront}, {@code cloudflare} or {@code fastly}
 * @param siteUrl        public URL of the site root ({@code https://example.org/}); Cloudflare and Fastly purge full URLs
 * @param apiEndpoint    the provider's API base, when not the public one (a proxy, a test double)
 * @param apiToken       Cloudflare API token (Zone.Cache Purge) or Fastly API key (purge_select)
 * @param zoneId         Cloudflare zone id
 * @param distributionId CloudFront distribution id
 * @param accessKey      CloudFront access key; absent means the AWS default credentials chain
 * @param secretKey      CloudFront secret key, with {@code accessKey}
 * @param urlsPerRequest URLs per purge request; 0 means the provider's limit (CloudFront 1000, Cloudflare 100)
 * @param maxPaths       CloudFront: past this many paths, one wildcard invalidation of the site instead
 *                       (3000 files may be in progress per distribution)
 * @param softPurge      Fastly: mark content stale instead of evicting it
 */
public record CdnSettings(
        @DefaultValue("none") Provider provider,
        @Nullable URI siteUrl,
        @Nullable URI apiEndpoint,
        @Nullable String apiToken,
        @Nullable String zoneId,
        @Nullable String distributionId,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("0") int urlsPerRequest,
        @DefaultValue("3000") int maxPaths,
        @DefaultValue("false") boolean softPurge) {

    public CdnSettings {
        SettingsCheck.httpUrl("inkstream.publish.cdn.site-url", siteUrl);
        SettingsCheck.httpUrl("inkstream.publish.cdn.api-endpoint", apiEndpoint);
        SettingsCheck.atLeast("inkstream.publish.cdn.urls-per-request", 0, urlsPerRequest);
        SettingsCheck.atLeast("inkstream.publish.cdn.max-paths", 1, maxPaths);
    }

    public enum Provider { NONE, CLOUDFRONT, CLOUDFLARE, FASTLY }

    public static CdnSettings none() {
        return new CdnSettings(Provider.NONE, null, null, null, null, null, null, null, 0, 3000, false);
    }
}
