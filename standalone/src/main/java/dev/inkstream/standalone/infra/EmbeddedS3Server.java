package dev.inkstream.standalone.infra;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible object store running inside this JVM: S3Proxy in front of a plain directory.
 *
 * <p>The point is that the services talk to it with the real AWS SDK over HTTP, signed with AWS
 * signature V4, exactly as they talk to AWS S3 or MinIO in production; nothing in them knows it
 * is local. Objects are ordinary files under {@code <baseDir>/<bucket>/<key>}, so a published
 * site can be inspected (or served by anything else) straight from disk, and it survives
 * restarts. Content type, cache control and the ETag are kept in the files' extended
 * attributes, which the file system must support (ext4, xfs, btrfs, APFS do).
 *
 * <p>Clients must use path-style addressing and must not use {@code aws-chunked} uploads; see
 * {@link S3Clients#forEmbedded(EmbeddedS3Server)}.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);

    /** Fixed, public credentials: the store only listens on loopback and guards nothing secret. */
    private static final String ACCESS_KEY = "inkstream";
    private static final String SECRET_KEY = "inkstream-local-secret";
    /** S3Proxy accepts any region in the signature; clients still have to name one. */
    private static final String REGION = "us-east-1";
    private static final String HOST = "127.0.0.1";

    private final S3Proxy proxy;
    private final BlobStoreContext blobStoreContext;
    private final URI endpoint;
    private boolean closed;

    private EmbeddedS3Server(S3Proxy proxy, BlobStoreContext blobStoreContext, URI endpoint) {
        this.proxy = proxy;
        this.blobStoreContext = blobStoreContext;
        this.endpoint = endpoint;
    }

    /**
     * Starts the store on {@code port} (0 picks a free one), keeping buckets as directories under
     * {@code baseDir}, which is created if needed. Existing buckets and objects are served as-is.
     */
    public static EmbeddedS3Server start(Path baseDir, int port) {
        // S3Proxy, its shaded Jetty and jclouds announce every start, stop and CORS rule at INFO.
        // WARN keeps S3Proxy's ERROR lines for requests it cannot serve (unknown operations or
        // parameters, answered with 501): those mean a service needs an S3 feature it lacks.
        LogLevels.setIfUnset(Level.WARN, "org.gaul", "org.jclouds", "jclouds");
        Path root = baseDir.toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create object store directory " + root, e);
        }
        Properties overrides = new Properties();
        overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, root.toString());
        // S3Proxy's own NIO.2 filesystem store (jclouds id "filesystem-nio2"), referenced by
        // class rather than by id so the compiler checks it is on the classpath.
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemNio2BlobProviderMetadata())
                // jclouds insists on credentials even though a local directory needs none.
                .credentials("local", "local")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new StoreWriteFailures(context.getBlobStore(), root))
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                // The AWS SDK sends x-amz- headers S3Proxy does not know (such as newer checksum ones);
                // without this DeleteObjects is refused with 501 Not Implemented.
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("Cannot start the embedded S3 server on port " + port, e);
        }
        URI endpoint = URI.create("http://" + HOST + ":" + proxy.getPort());
        log.info("Embedded S3 server ready at {} (objects in {})", endpoint, root);
        return new EmbeddedS3Server(proxy, context, endpoint);
    }

    /** Base URI for S3 clients, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    public String region() {
        return REGION;
    }

    /** Creates the bucket unless it exists; buckets are directories, so this is idempotent. */
    public void ensureBucket(String bucket) {
        blobStoreContext.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** Stops accepting requests and releases the store; the files stay on disk. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the embedded S3 server at " + endpoint, e);
        } finally {
            blobStoreContext.close();
        }
    }
}
