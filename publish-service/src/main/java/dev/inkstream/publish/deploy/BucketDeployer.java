package dev.inkstream.publish.deploy;

import dev.inkstream.events.EventJson;
import dev.inkstream.publish.output.OutputObject;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Applies a {@link DeployPlan} to a bucket: uploads, then deletions, then the release manifest,
 * then {@code current.json}. A crash before the last write leaves the previous release current;
 * the next attempt finds the uploaded objects unchanged or re-uploads them.
 */
public final class BucketDeployer {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;

    public BucketDeployer(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The live release of the site under {@code prefix}, or an empty one before the first. */
    public ReleaseManifest live(String prefix, String repo) {
        try {
            byte[] json = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + ReleaseManifest.CURRENT_KEY)).asByteArray();
            return EventJson.read(json, ReleaseManifest.class);
        } catch (NoSuchKeyException none) {
            return ReleaseManifest.empty(repo);
        }
    }

    public ReleaseManifest apply(String prefix, String repo, String commit, DeployPlan plan, String manifestCacheControl) {
        for (OutputObject object : plan.uploads()) {
            if (object.copyFrom() != null) {
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(object.copyFrom())
                        .destinationBucket(bucket).destinationKey(prefix + object.key())
                        .metadataDirective(MetadataDirective.REPLACE)
                        .contentType(object.contentType())
                        .cacheControl(object.cacheControl())
                        .metadata(Map.of("sha256", object.sha256())));
            } else {
                s3.putObject(b -> b.bucket(bucket).key(prefix + object.key())
                                .contentType(object.contentType())
                                .cacheControl(object.cacheControl())
                                .metadata(Map.of("sha256", object.sha256())),
                        RequestBody.fromBytes(object.content()));
            }
        }
        List<String> deletions = plan.deletions();
        for (int from = 0; from < deletions.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = deletions.subList(from, Math.min(deletions.size(), from + DELETE_BATCH))
                    .stream().map(key -> ObjectIdentifier.builder().key(prefix + key).build()).toList();
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
        var manifest = new ReleaseManifest(ReleaseManifest.SCHEMA_VERSION, repo, commit, commit, plan.objects());
        byte[] json = EventJson.write(manifest);
        for (String key : List.of(manifest.releaseKey(), ReleaseManifest.CURRENT_KEY)) {
            s3.putObject(b -> b.bucket(bucket).key(prefix + key)
                    .contentType("application/json").cacheControl(manifestCacheControl), RequestBody.fromBytes(json));
        }
        return manifest;
    }
}
