package dev.inkstream.ingest.blob;

import dev.inkstream.events.BlobKeys;
import dev.inkstream.support.s3.S3Settings;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Stores the blobs that events refer to by claim check, once each: the key is the git blob id,
 * so a blob already stored is the same bytes and is not uploaded again.
 */
@Component
public class BlobStore {

    private final S3Client s3;
    private final String bucket;

    public BlobStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
    }

    /** Makes sure the blob is in the store; returns whether it had to be uploaded. */
    public boolean ensureStored(Repository repository, String blobId) throws IOException {
        String key = BlobKeys.of(blobId);
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return false;
        } catch (NoSuchKeyException absent) {
            byte[] bytes = repository.open(ObjectId.fromString(blobId)).getBytes();
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/octet-stream"), RequestBody.fromBytes(bytes));
            return true;
        }
    }
}
