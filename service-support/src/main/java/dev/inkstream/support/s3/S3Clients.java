package dev.inkstream.support.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the S3 client the services use. One blocking client per service, for every request:
 * in the one-machine runtime the services share a JVM, and one HTTP stack warmed up by ingest's
 * blobs costs publish's first release far less than a second stack warming up of its own.
 */
public final class S3Clients {

    /** Connections the HTTP client keeps by default, as the SDK's own default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;

    public static S3Client create(S3Settings settings) {
        return create(settings, DEFAULT_MAX_CONNECTIONS);
    }

    /** A client allowing {@code maxConnections} requests in flight; the caller closes it. */
    public static S3Client create(S3Settings settings, int maxConnections) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(configuration(settings))
                // Checksums only where the API demands one (DeleteObjects): SigV4 already signs
                // each payload's SHA-256 over plain HTTP, TLS protects it otherwise, and a CRC of
                // every object on both sides is CPU a release pays for nothing more.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(maxConnections))
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
