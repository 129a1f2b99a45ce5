package dev.inkstream.publish.deploy;

import dev.inkstream.publish.output.OutputObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
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
 * <p>Uploads run on the async client, at most {@code concurrency} requests at a time. Any failed
 * upload fails the release before its manifest is written: the previous release stays current.
 * The keys an attempt changes are recorded first ({@link ReleaseStore#unsettled}), so the next
 * attempt, killed or not, uploads or deletes each of them again rather than trust the manifest.
 */
public final class BucketDeployer {

    private final ReleaseStore store;
    private final S3AsyncClient s3;
    private final String bucket;
    private final int concurrency;

    public BucketDeployer(ReleaseStore store, S3AsyncClient s3, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("upload concurrency must be at least 1, was " + concurrency);
        }
        this.store = store;
        this.s3 = s3;
        this.bucket = store.bucket();
        this.concurrency = concurrency;
    }

    public ReleaseStore store() {
        return store;
    }

    /** Deploys {@code plan} as the release of {@code commit}; returns the manifest now live. */
    public ReleaseManifest apply(String prefix, String repo, String commit, DeployPlan plan, String manifestCacheControl,
                                 Instant publishedAt) {
        applyObjects(prefix, plan, manifestCacheControl);
        var manifest = new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, repo, commit, commit, plan.objects(),
                publishedAt, List.of());
        store.publish(prefix, manifest, manifestCacheControl);
        store.settle(prefix);
        return manifest;
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
        store.unsettle(prefix, changing, cacheControl);
        preserve(prefix, plan.replaced());
        for (List<OutputObject> phase : plan.phasesBeforeDeletions()) {
            uploadAll(prefix, phase);
        }
        store.delete(prefix, plan.deletions());
        uploadAll(prefix, plan.recordsAfterDeletions());
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
            return s3.headObject(b -> b.bucket(bucket).key(key)).exceptionally(error -> {
                // Gone already (deleted by hand, or by an interrupted release): nothing to keep.
                if (unwrap(error) instanceof S3Exception s3Error && s3Error.statusCode() == 404) {
                    return null;
                }
                throw new CompletionException(unwrap(error));
            }).thenCompose(head -> head != null && e.getKey().equals(head.metadata().get("sha256"))
                            ? s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                                    .destinationKey(stored).metadataDirective(MetadataDirective.COPY))
                            : CompletableFuture.completedFuture(null));
        })).toList());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** One request and the object key it is for, to name in a failure. */
    private record Request(String key, Supplier<CompletableFuture<?>> send) {}

    /** Sends every request, at most {@code concurrency} at a time; returns when all are done, throws if any failed. */
    private void sendAll(List<Request> requests) {
        Semaphore permits = new Semaphore(concurrency);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (Request request : requests) {
            if (failure.get() != null) {
                break;
            }
            permits.acquireUninterruptibly();
            CompletableFuture<?> sent;
            try {
                sent = request.send().get();
            } catch (RuntimeException e) {
                permits.release();
                failure.compareAndSet(null, e);
                break;
            }
            inFlight.add(sent.whenComplete((ok, error) -> {
                permits.release();
                if (error != null) {
                    failure.compareAndSet(null, new UploadFailedException(request.key(), error));
                }
            }));
        }
        // Wait for everything already sent, failed or not, so no upload outlives the release attempt.
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).handle((ok, error) -> null).join();
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        } else if (failure.get() != null) {
            throw new UploadFailedException("?", failure.get());
        }
    }

    /** The request that puts one object in place. */
    private Supplier<CompletableFuture<?>> request(String prefix, OutputObject object) {
        String key = prefix + object.key();
        String stored = prefix + ReleaseManifest.storedObjectKey(object.sha256());
        Map<String, String> metadata = Map.of("sha256", object.sha256());
        if (object.copyFrom() == null) {
            return () -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(object.contentType())
                    .cacheControl(object.cacheControl()).metadata(metadata), AsyncRequestBody.fromBytes(object.content()));
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
