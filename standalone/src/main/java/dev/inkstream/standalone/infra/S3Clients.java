package dev.inkstream.standalone.infra;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds AWS SDK clients for the {@link EmbeddedS3Server}. The services configure their own
 * clients from properties; this is for the standalone runtime's own use and for tests.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * A synchronous S3 client for {@code server}. The caller owns it and should close it.
     *
     * <p>Path-style access because the store has no per-bucket host names; chunked
     * ({@code aws-chunked}) uploads off because S3Proxy then rejects the payload signature with
     * 400 {@code XAmzContentSHA256Mismatch}. The JDK {@code HttpURLConnection} transport keeps
     * Netty and Apache HttpClient out of the picture and is plenty for loopback traffic.
     */
    public static S3Client forEmbedded(EmbeddedS3Server server) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
