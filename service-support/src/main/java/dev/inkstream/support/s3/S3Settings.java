package dev.inkstream.support.s3;

import dev.inkstream.support.settings.SettingsCheck;
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
        SettingsCheck.httpUrl("inkstream.s3.endpoint", endpoint);
        SettingsCheck.notBlank("inkstream.s3.region", region);
        SettingsCheck.notBlank("inkstream.s3.bucket", bucket);
        SettingsCheck.together("inkstream.s3.access-key", accessKey, "inkstream.s3.secret-key", secretKey);
        SettingsCheck.atLeast("inkstream.s3.max-attempts", 1, maxAttempts);
    }

    /** With the default number of attempts. */
    public S3Settings(@Nullable URI endpoint, String region, String bucket, @Nullable String accessKey,
                      @Nullable String secretKey, boolean pathStyle) {
        this(endpoint, region, bucket, accessKey, secretKey, pathStyle, 8);
    }
}
