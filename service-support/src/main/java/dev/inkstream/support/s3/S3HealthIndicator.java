package dev.inkstream.support.s3;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready when the configured bucket answers a HEAD request. */
public class S3HealthIndicator extends AbstractHealthIndicator {

    private final S3Client s3;
    private final S3Settings settings;

    public S3HealthIndicator(S3Client s3, S3Settings settings) {
        super("S3 bucket is not reachable");
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        s3.headBucket(b -> b.bucket(settings.bucket()));
        builder.up().withDetail("bucket", settings.bucket())
                .withDetail("endpoint", settings.endpoint() == null ? "aws" : settings.endpoint().toString());
    }
}
