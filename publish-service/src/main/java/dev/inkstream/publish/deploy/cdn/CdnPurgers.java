package dev.inkstream.publish.deploy.cdn;

import dev.inkstream.support.settings.InvalidSettingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** The purger the settings select, refusing settings it could not work with at start rather than at the first release. */
public final class CdnPurgers {

    public static CdnPurger from(CdnSettings settings) {
        return switch (settings.provider()) {
            case NONE -> CdnPurger.NONE;
            case CLOUDFRONT -> new CloudFrontPurger(cloudFront(settings), required(settings.distributionId(), "distribution-id"),
                    perRequest(settings, CloudFrontPurger.PATHS_PER_REQUEST), settings.maxPaths());
            case CLOUDFLARE -> new CloudflarePurger(endpoint(settings, CloudflarePurger.API),
                    required(settings.zoneId(), "zone-id"), required(settings.apiToken(), "api-token"),
                    required(settings.siteUrl(), "site-url"), perRequest(settings, CloudflarePurger.URLS_PER_REQUEST));
            case FASTLY -> new FastlyPurger(endpoint(settings, FastlyPurger.API), required(settings.apiToken(), "api-token"),
                    required(settings.siteUrl(), "site-url"), settings.softPurge());
        };
    }

    private static CloudFrontClient cloudFront(CdnSettings settings) {
        var builder = CloudFrontClient.builder()
                // CloudFront is global, but signed for us-east-1 (aws-global would sign for "aws-global" behind an endpoint override).
                .region(Region.US_EAST_1)
                .credentialsProvider(settings.accessKey() == null || settings.secretKey() == null
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        if (settings.apiEndpoint() != null) {
            builder.endpointOverride(settings.apiEndpoint());
        }
        return builder.build();
    }

    private static <T> T required(T value, String name) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidSettingException("inkstream.publish.cdn." + name, "is required for this CDN provider");
        }
        return value;
    }

    private static int perRequest(CdnSettings settings, int providerLimit) {
        return settings.urlsPerRequest() > 0 ? settings.urlsPerRequest() : providerLimit;
    }

    /** The API base with a trailing slash, so relative paths resolve below it. */
    private static URI endpoint(CdnSettings settings, URI standard) {
        URI base = settings.apiEndpoint() == null ? standard : settings.apiEndpoint();
        return base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    static String withoutTrailingSlash(URI url) {
        return url.toString().replaceFirst("/+$", "");
    }

    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    private CdnPurgers() {}
}
