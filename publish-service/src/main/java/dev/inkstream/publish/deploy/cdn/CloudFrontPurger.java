package dev.inkstream.publish.deploy.cdn;

import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * CloudFront invalidations through the AWS SDK: batches of {@code perRequest} paths, and past
 * {@code maxPaths} (CloudFront allows 3,000 file paths in progress per distribution) one wildcard
 * for the site's folder instead, which counts as one path.
 */
final class CloudFrontPurger implements CdnPurger, AutoCloseable {

    static final int PATHS_PER_REQUEST = 1000;

    private final CloudFrontClient client;
    private final String distributionId;
    private final int perRequest;
    private final int maxPaths;

    CloudFrontPurger(CloudFrontClient client, String distributionId, int perRequest, int maxPaths) {
        this.client = client;
        this.distributionId = distributionId;
        this.perRequest = perRequest;
        this.maxPaths = maxPaths;
    }

    @Override
    public void purge(List<String> paths) {
        List<String> invalidate = paths.size() > maxPaths ? List.of(wildcard(paths)) : paths;
        for (List<String> batch : CdnPurgers.batches(invalidate, perRequest)) {
            client.createInvalidation(r -> r.distributionId(distributionId).invalidationBatch(b -> b
                    // Unique per request: CloudFront treats a repeated reference as the same invalidation.
                    .callerReference("inkstream-" + UUID.randomUUID())
                    .paths(p -> p.quantity(batch.size()).items(batch))));
        }
    }

    /** {@code /docs/*} for paths all under {@code /docs/}; {@code /*} for a site at the root. */
    static String wildcard(List<String> paths) {
        String common = paths.getFirst().substring(0, paths.getFirst().lastIndexOf('/') + 1);
        for (String path : paths) {
            while (!path.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        return common + "*";
    }

    @Override
    public void close() {
        client.close();
    }
}
