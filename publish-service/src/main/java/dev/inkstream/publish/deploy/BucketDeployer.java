package dev.inkstream.publish.deploy;

import dev.inkstream.publish.output.OutputObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Applies a {@link DeployPlan} to a bucket: uploads phase by phase (assets, pages, aggregates
 * and feeds), then deletions, then the release's own records, then the release manifest, then
 * {@code current.json}.
 *
 * <p>Any retained release can be restored exactly: before an object of the live release is
 * overwritten or deleted, its bytes are copied to {@code _inkstream/objects/<sha256>} (copy on
 * write). An object that never changes is never copied, so a first publish uploads each object
 * once. The copy is made only while the object still holds the bytes the live manifest names
 * (its {@code sha256} metadata says so): after an interrupted release, an object already
 * overwritten had its old bytes stored before it was.
 *
 * <p>Uploads run on the blocking client, at most {@code concurrency} requests at a time, each on a
 * thread of its own: one HTTP stack for every request of the service (in the one-machine runtime,
 * the stack ingest has already warmed up), not a second, async one to warm up and run beside it.
 * Any failed upload fails the release before its manifest is written: the previous release
 * stays current. The keys an attempt changes are recorded first ({@link ReleaseStore#unsettled}),
 * so the next attempt, killed or not, uploads or deletes each of them again rather than trust
 * the manifest.
 */
public final class BucketDeployer {

    private final ReleaseStore store;
    private final S3Client s3;
    private final String bucket;
    private final int concurrency;
    /**
     * Threads that send alongside the caller. Daemons that end when idle: a deployer has no
     * lifecycle of its own, and an idle publisher should not keep {@code concurrency} threads.
     */
    private final ThreadPoolExecutor senders;

    public BucketDeployer(ReleaseStore store, S3Client s3, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("upload concurrency must be at least 1, was " + concurrency);
        }
        this.store = store;
        this.s3 = s3;
        this.bucket = store.bucket();
        this.concurrency = concurrency;
        this.senders = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("upload-", 1).daemon(true).factory());
        senders.allowCoreThreadTimeOut(true);
    }

    public ReleaseStore store() {
        return store;
    }

    /**
     * Deploys {@code plan} as the release of {@code commit}; returns the manifest now live. The
     * manifest (megabytes for a large site) is serialised on another thread while the objects
     * upload; it is written only after them, as before: a manifest under {@code releases/} is a
     * release that rollback may restore, so it must not exist before its objects do.
     */
    public ReleaseManifest apply(String prefix, String repo, String commit, DeployPlan plan, String manifestCacheControl,
                                 Instant publishedAt) {
        Future<ReleaseStore.Serialised> serialised = senders.submit(() -> ReleaseStore.Serialised.of(
                new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, repo, commit, commit, plan.objects(), publishedAt,
                        List.of())));
        try {
            applyObjects(prefix, plan, manifestCacheControl);
        } catch (RuntimeException e) {
            serialised.cancel(false);
            throw e;
        }
        ReleaseStore.Serialised manifest = await(serialised, "releases/" + commit + ".json");
        store.publish(prefix, manifest, manifestCacheControl, plan);
        store.settle(prefix);
        return manifest.manifest();
    }

    /**
     * Makes {@code target} current again: {@code plan} (from the live release to the target's
     * stored objects) applied, then {@code current.json} rewritten. The target's own manifest
     * under {@code releases/} stays as it was.
     */
    public ReleaseManifest restore(String prefix, ReleaseManifest live, ReleaseManifest target, DeployPlan plan,
                                   String manifestCacheControl) {
        applyObjects(prefix, plan, manifestCacheControl);
        ReleaseManifest restored = target.restoredFrom(live);
        store.makeCurrent(prefix, restored, manifestCacheControl);
        store.settle(prefix);
        return restored;
    }

    /**
     * Records what the plan changes before changing it: an attempt that dies half-way leaves the
     * bucket differing from the live manifest in exactly those keys, and the next plan must not
     * take the manifest's word for them (the push after may well make them equal to it again).
     */
    private void applyObjects(String prefix, DeployPlan plan, String cacheControl) {
        List<String> changing = new ArrayList<>(plan.deletions());
        plan.uploads().forEach(object -> changing.add(object.key()));
        // Storing the live bytes changes no key of the site, so it need not wait for the record;
        // the first upload does.
        Future<?> recorded = senders.submit(() -> store.unsettle(prefix, changing, cacheControl));
        RuntimeException failed = null;
        try {
            preserve(prefix, plan.replaced());
        } catch (RuntimeException e) {
            failed = e;
        }
        try {
            await(recorded, ReleaseManifest.UNSETTLED_KEY);
        } catch (RuntimeException e) {
            if (failed == null) {
                failed = e;
            } else {
                failed.addSuppressed(e);
            }
        }
        if (failed != null) {
            throw failed;
        }
        for (List<OutputObject> phase : plan.phasesBeforeDeletions()) {
            uploadAll(prefix, phase);
        }
        store.delete(prefix, plan.deletions());
        uploadAll(prefix, plan.recordsAfterDeletions());
    }

    /** The result of work handed to a sender thread; its failure as the caller's. */
    private static <T> T await(Future<T> work, String key) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new UploadFailedException(key, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadFailedException(key, e);
        }
    }

    /** Uploads every object, bounded; returns when all are done, throws if any failed. */
    private void uploadAll(String prefix, List<OutputObject> objects) {
        sendAll(objects.stream().map(object -> new Request(object.key(), request(prefix, object))).toList());
    }

    /**
     * Stores the bytes of each live object about to be overwritten or deleted under its hash,
     * once per hash, unless the object no longer holds them (see the class comment).
     */
    private void preserve(String prefix, Map<String, String> replaced) {
        Map<String, String> keyByHash = new LinkedHashMap<>();
        replaced.forEach((key, sha) -> keyByHash.putIfAbsent(sha, key));
        sendAll(keyByHash.entrySet().stream().map(e -> new Request(e.getValue(), () -> {
            String key = prefix + e.getValue();
            String stored = prefix + ReleaseManifest.storedObjectKey(e.getKey());
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(bucket).key(key));
            } catch (S3Exception error) {
                // Gone already (deleted by hand, or by an interrupted release): nothing to keep.
                if (error.statusCode() == 404) {
                    return;
                }
                throw error;
            }
            if (e.getKey().equals(head.metadata().get("sha256"))) {
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                        .destinationKey(stored).metadataDirective(MetadataDirective.COPY));
            }
        })).toList());
    }

    /** One request and the object key it is for, to name in a failure. */
    private record Request(String key, Runnable send) {}

    /**
     * Sends every request, at most {@code concurrency} at a time, in order of the list; returns
     * when all are done, throws if any failed. After a failure no further request is started,
     * and the ones already started are waited for, so no upload outlives the release attempt.
     */
    private void sendAll(List<Request> requests) {
        AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        Runnable sender = () -> {
            for (int i = next.getAndIncrement(); i < requests.size() && failure.get() == null; i = next.getAndIncrement()) {
                Request request = requests.get(i);
                try {
                    request.send().run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new UploadFailedException(request.key(), e));
                }
            }
        };
        // The calling thread sends too: an edit's few objects need no other thread.
        int helpers = Math.min(concurrency, requests.size()) - 1;
        List<Future<?>> sending = new ArrayList<>(Math.max(helpers, 0));
        for (int i = 0; i < helpers; i++) {
            sending.add(senders.submit(sender));
        }
        sender.run();
        for (Future<?> helper : sending) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new UploadFailedException("?", e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new UploadFailedException("?", e));
            }
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** The request that puts one object in place. */
    private Runnable request(String prefix, OutputObject object) {
        String key = prefix + object.key();
        String stored = prefix + ReleaseManifest.storedObjectKey(object.sha256());
        Map<String, String> metadata = Map.of("sha256", object.sha256());
        if (object.copyFrom() == null) {
            return () -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(object.contentType())
                    .cacheControl(object.cacheControl()).metadata(metadata), RequestBody.fromBytes(object.content()));
        }
        if (object.copyFrom().equals(stored)) {
            // A restore: the stored copy already carries the headers and metadata it was uploaded with.
            return () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(stored)
                    .destinationBucket(bucket).destinationKey(key).metadataDirective(MetadataDirective.COPY));
        }
        return () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(object.copyFrom()).destinationBucket(bucket)
                .destinationKey(key).metadataDirective(MetadataDirective.REPLACE).contentType(object.contentType())
                .cacheControl(object.cacheControl()).metadata(metadata));
    }

    /** An object could not be uploaded; the release was not made current. */
    public static final class UploadFailedException extends RuntimeException {
        UploadFailedException(String key, Throwable cause) {
            super("upload of " + key + " failed, the release was not made current: " + cause.getMessage(), cause);
        }
    }
}
