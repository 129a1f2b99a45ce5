package dev.inkstream.standalone.infra;

import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.support.s3.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

/** Settings and clients for the {@link EmbeddedS3Server}, built the same way the services build theirs. */
public final class S3Clients {

    public static S3Settings settings(EmbeddedS3Server server, String bucket) {
        return new S3Settings(server.endpoint(), server.region(), bucket, server.accessKey(), server.secretKey(), true);
    }

    /** A client for {@code server}, for any of its buckets; the caller closes it. */
    public static S3Client forEmbedded(EmbeddedS3Server server) {
        // The bucket in the settings is only what the services' health check looks at.
        return dev.inkstream.support.s3.S3Clients.create(settings(server, LocalRuntime.BUCKET));
    }

    private S3Clients() {}
}
