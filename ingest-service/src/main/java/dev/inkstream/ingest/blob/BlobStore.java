package dev.inkstream.ingest.blob;

import dev.inkstream.events.BlobKeys;
import dev.inkstream.ingest.IngestSettings;
import dev.inkstream.support.s3.S3Settings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stores the blobs that events refer to by claim check, once each: the key is the git blob id,
 * so a blob already stored is the same bytes and is not uploaded again.
 */
@Component
public class BlobStore {

    /**
     * From this many blobs to look for on, the stored ones are found by listing the blob prefix
     * (one request per 1,000 stored blobs) instead of a HEAD per blob: a first push of a site with
     * 14,000 images spent most of ingest's CPU on HEADs answered 404, each an exception in the SDK.
     * Below it, a HEAD each is cheaper than listing a store that may hold many blobs.
     */
    public static final int LIST_FROM = 1_000;

    private final S3Client s3;
    private final String bucket;
    private final int concurrency;
    private final int listFrom;

    @Autowired
    public BlobStore(S3Client s3, S3Settings s3Settings, IngestSettings settings) {
        this(s3, s3Settings.bucket(), settings.blobConcurrency());
    }

    public BlobStore(S3Client s3, String bucket, int concurrency) {
        this(s3, bucket, concurrency, LIST_FROM);
    }

    /** @param listFrom from this many blobs on, {@link #missing} lists the store instead of asking per blob */
    public BlobStore(S3Client s3, String bucket, int concurrency, int listFrom) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("blob concurrency must be at least 1, was " + concurrency);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.concurrency = concurrency;
        this.listFrom = listFrom;
    }

    /**
     * The blobs among {@code blobIds} that are not in the store yet. A blob is never deleted
     * from the store (its key is its content), so what this finds stored stays stored.
     */
    public Set<String> missing(Collection<String> blobIds) throws IOException {
        Set<String> wanted = new LinkedHashSet<>(blobIds);
        if (wanted.size() >= listFrom) {
            // Only the wanted keys are kept, so a store of millions of blobs costs pages, not memory.
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(BlobKeys.PREFIX)).contents()) {
                wanted.remove(object.key().substring(BlobKeys.PREFIX.length()));
            }
            return wanted;
        }
        Set<String> missing = Collections.synchronizedSet(new HashSet<>());
        forEachConcurrently(wanted, blobId -> {
            if (!isStored(blobId)) {
                missing.add(blobId);
            }
            return false;
        });
        return new LinkedHashSet<>(wanted.stream().filter(missing::contains).toList());
    }

    private boolean isStored(String blobId) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(BlobKeys.of(blobId)));
            return true;
        } catch (NoSuchKeyException absent) {
            return false;
        }
    }

    /** The blobs among {@code blobIds} not in the store yet, to be stored batch by batch: see {@link Unstored}. */
    public Unstored unstored(Collection<String> blobIds) throws IOException {
        return new Unstored(missing(blobIds));
    }

    /**
     * The blobs of one push found missing, stored as the batches that refer to them go out, each
     * once: files with the same bytes share a blob, often across batches, and a first push of a
     * site whose 14,000 images have 2,400 distinct contents uploaded many of them once per batch.
     * One push's, used by the thread that ingests it: not safe to share between threads.
     */
    public final class Unstored {
        private final Set<String> ids;

        private Unstored(Set<String> ids) {
            this.ids = ids;
        }

        /** Stores those of {@code blobIds} found missing and not stored since; returns how many it uploaded. */
        public int storeAmong(Repository repository, Collection<String> blobIds) throws IOException {
            List<String> now = blobIds.stream().filter(ids::contains).distinct().toList();
            store(repository, now);
            now.forEach(ids::remove);
            return now.size();
        }
    }

    /**
     * Uploads every blob of {@code blobIds} without asking the store first, {@code concurrency}
     * at a time: for the blobs {@link #missing} found absent. Once it returns, every one is stored.
     */
    public void store(Repository repository, Collection<String> blobIds) throws IOException {
        forEachConcurrently(new LinkedHashSet<>(blobIds), blobId -> {
            upload(repository, blobId);
            return true;
        });
    }

    private void upload(Repository repository, String blobId) throws IOException {
        byte[] bytes = repository.open(ObjectId.fromString(blobId)).getBytes();
        s3.putObject(b -> b.bucket(bucket).key(BlobKeys.of(blobId)).contentType("application/octet-stream"),
                RequestBody.fromBytes(bytes));
    }

    /**
     * Makes sure every blob is in the store, {@code concurrency} at a time: a first push of a
     * site with thousands of images waited for a HEAD and a PUT per image, one after the other.
     * Returns how many had to be uploaded; once it returns, every one is stored. If any fails,
     * the others still finish and the first failure is thrown.
     */
    public int ensureStored(Repository repository, Collection<String> blobIds) throws IOException {
        return unstored(blobIds).storeAmong(repository, blobIds);
    }

    private interface BlobTask {
        boolean run(String blobId) throws IOException;
    }

    /** Runs {@code task} for every blob, {@code concurrency} at a time; returns how many returned true. */
    private int forEachConcurrently(Collection<String> blobIds, BlobTask task) throws IOException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Future<Boolean>> stores = new ArrayList<>();
        // Virtual threads wait on the blocking client; the semaphore bounds requests and the
        // bytes held in memory (at most `concurrency` blobs).
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String blobId : blobIds) {
                stores.add(workers.submit(() -> {
                    inFlight.acquire();
                    try {
                        return task.run(blobId);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        int done = 0;
        for (Future<Boolean> store : stores) {
            done += outcome(store) ? 1 : 0;
        }
        return done;
    }

    private static boolean outcome(Future<Boolean> store) throws IOException {
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
