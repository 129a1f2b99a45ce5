package dev.inkstream.support.s3;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service finds the object store ({@code inkstream.s3.*}, or {@code INKSTREAM_S3_*} in the
 * environment).
 *
 * @param endpoint  S3 API endpoint; absent means AWS S3 itself
 * @param region    signing region
 * @param bucket    bucket holding the published site and ingest's blobs
 * @param accessKey access key; absent means the AWS default credentials chain
 * @param secretKey secret key, with {@code accessKey}
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), which MinIO and S3Proxy need
 * @param maxAttempts attempts per request, the first included, for throttling ({@code 503 SlowDown}),
 *                    server errors and dropped connections, with exponential backoff and jitter
 */
@ConfigurationProperties("inkstream.s3")
public record S3Settings(
        @Nullable URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("inkstream") String bucket,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("8") int maxAttempts) {

    @ConstructorBinding
    public S3Settings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("inkstream.s3.max-attempts must be at least 1, got " + maxAttempts);
        }
    }

    /** With the default number of attempts. */
    public S3Settings(@Nullable URI endpoint, String region, String bucket, @Nullable String accessKey,
                      @Nullable String secretKey, boolean pathStyle) {
        this(endpoint, region, bucket, accessKey, secretKey, pathStyle, 8);
    }
}
