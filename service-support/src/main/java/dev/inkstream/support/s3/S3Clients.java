package dev.inkstream.support.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the S3 clients the services use, blocking and async, configured alike. */
public final class S3Clients {

    public static S3Client create(S3Settings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(configuration(settings))
                .overrideConfiguration(o -> o.retryStrategy(retries(settings)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    /**
     * The SDK's standard strategy (exponential backoff with jitter, a longer base delay for
     * throttling) with more attempts than its default three: a store that answers SlowDown for a
     * few seconds should delay a release, not fail it.
     */
    private static RetryStrategy retries(S3Settings settings) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build();
    }

    /** An async client allowing {@code maxConcurrency} requests in flight; the caller closes it. */
    public static S3AsyncClient createAsync(S3Settings settings, int maxConcurrency) {
        var builder = S3AsyncClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(configuration(settings))
                .overrideConfiguration(o -> o.retryStrategy(retries(settings)))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static S3Configuration configuration(S3Settings settings) {
        return S3Configuration.builder()
                .pathStyleAccessEnabled(settings.pathStyle())
                // Aws-chunked uploads are rejected by S3Proxy (XAmzContentSHA256Mismatch) and
                // buy nothing for objects we hold in memory anyway.
                .chunkedEncodingEnabled(false)
                .build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey() == null || settings.secretKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    private S3Clients() {}
}
