package dev.inkstream.ingest.blob;

import dev.inkstream.events.BlobKeys;
import dev.inkstream.ingest.IngestSettings;
import dev.inkstream.support.s3.S3Settings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final int concurrency;

    @Autowired
    public BlobStore(S3Client s3, S3Settings s3Settings, IngestSettings settings) {
        this(s3, s3Settings.bucket(), settings.blobConcurrency());
    }

    public BlobStore(S3Client s3, String bucket, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("blob concurrency must be at least 1, was " + concurrency);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.concurrency = concurrency;
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

    /**
     * Makes sure every blob is in the store, {@code concurrency} at a time: a first push of a
     * site with thousands of images waited for a HEAD and a PUT per image, one after the other.
     * Returns how many had to be uploaded; once it returns, every one is stored. If any fails,
     * the others still finish and the first failure is thrown.
     */
    public int ensureStored(Repository repository, Collection<String> blobIds) throws IOException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Future<Boolean>> stores = new ArrayList<>();
        // Virtual threads wait on the blocking client; the semaphore bounds requests and the
        // bytes held in memory (at most `concurrency` blobs).
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String blobId : new LinkedHashSet<>(blobIds)) {
                stores.add(workers.submit(() -> {
                    inFlight.acquire();
                    try {
                        return ensureStored(repository, blobId);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        int uploaded = 0;
        for (Future<Boolean> store : stores) {
            uploaded += uploaded(store) ? 1 : 0;
        }
        return uploaded;
    }

    private static boolean uploaded(Future<Boolean> store) throws IOException {
        try {
            return store.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while storing blobs");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IOException("could not store a blob", e.getCause());
            }
        }
    }
}
