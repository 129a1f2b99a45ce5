package dev.inkstream.publish.deploy;

import dev.inkstream.events.EventJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * A site's releases in the bucket: the live one ({@code current.json}), the retained ones
 * ({@code releases/}), and the stored bytes they need ({@code objects/}). Small, sequential
 * requests, so the blocking client.
 */
public final class ReleaseStore {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    /** Release manifests by key, with the ETag they were read at. */
    private final Map<String, Cached> manifests = new ConcurrentHashMap<>();

    public ReleaseStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /**
     * The live release of the site under {@code prefix}, or an empty one before the first. Read
     * again only when {@code current.json}'s ETag changed: a large site's manifest is megabytes,
     * and each release starts by asking for it.
     */
    public ReleaseManifest live(String prefix, String repo) {
        String key = prefix + ReleaseManifest.CURRENT_KEY;
        try {
            String eTag = s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
            Cached cached = manifests.get(key);
            if (cached != null && cached.eTag().equals(eTag)) {
                return cached.manifest();
            }
            var response = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            ReleaseManifest manifest = current(prefix, response.asByteArray());
            manifests.put(key, new Cached(response.response().eTag(), manifest));
            return manifest;
        } catch (NoSuchKeyException none) {
            manifests.remove(key);
            return ReleaseManifest.empty(repo);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                manifests.remove(key);
                return ReleaseManifest.empty(repo);
            }
            throw e;
        }
    }

    /**
     * {@code current.json} names the live release ({@link Current}), whose objects are in its
     * manifest under {@code releases/}; before, it held the whole manifest, which is still read.
     */
    private ReleaseManifest current(String prefix, byte[] json) {
        JsonNode tree = EventJson.mapper().readTree(json);
        if (tree.has("objects")) {
            return EventJson.mapper().treeToValue(tree, ReleaseManifest.class);
        }
        Current current = EventJson.mapper().treeToValue(tree, Current.class);
        String key = prefix + ReleaseManifest.RELEASES_PREFIX + current.releaseId() + ".json";
        ReleaseManifest release;
        try {
            release = read(key);
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException(prefix + ReleaseManifest.CURRENT_KEY + " names release " + current.releaseId()
                    + ", but " + key + " is not in bucket " + bucket + "; roll back to a retained release (inkstream rollback --list)", e);
        }
        return new ReleaseManifest(current.schemaVersion(), current.repo(), current.commit(), current.releaseId(),
                release.objects(), current.publishedAt(), current.rolledBack());
    }

    /**
     * The body of {@code current.json}: the live release's manifest without its objects, which
     * its file under {@code releases/} has. A megabyte-sized manifest is written once per release.
     */
    public record Current(int schemaVersion, String repo, String commit, String releaseId, @Nullable Instant publishedAt,
                          List<String> rolledBack) {

        static Current of(ReleaseManifest manifest) {
            return new Current(manifest.schemaVersion(), manifest.repo(), manifest.commit(), manifest.releaseId(),
                    manifest.publishedAt(), manifest.rolledBack());
        }
    }

    /** Every retained release of the site, newest first. */
    public List<ReleaseManifest> releases(String prefix) {
        List<ReleaseManifest> releases = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + ReleaseManifest.RELEASES_PREFIX))
                .contents()) {
            releases.add(readCached(object));
        }
        releases.sort(ReleaseManifest::newestFirst);
        return releases;
    }

    /**
     * A manifest as listed, read once per version: retention looks at every retained release
     * after each release, and a manifest of a large site is large, so a release would otherwise
     * read {@code retain} times the site.
     */
    private ReleaseManifest readCached(S3Object listed) {
        Cached cached = manifests.get(listed.key());
        if (cached == null || !cached.eTag().equals(listed.eTag())) {
            cached = new Cached(listed.eTag(), read(listed.key()));
            manifests.put(listed.key(), cached);
        }
        return cached.manifest();
    }

    private record Cached(String eTag, ReleaseManifest manifest) {}

    /** Writes the release's manifest, then {@code current.json}: the second write makes it live. */
    public void publish(String prefix, ReleaseManifest manifest, String cacheControl) {
        String key = prefix + manifest.releaseKey();
        // Retention lists the releases right after this one; it need not read back what was just written.
        manifests.put(key, new Cached(put(key, EventJson.write(manifest), cacheControl), manifest));
        makeCurrent(prefix, manifest, cacheControl);
    }

    /** Makes {@code manifest}, whose file under {@code releases/} holds its objects, the live release. */
    public void makeCurrent(String prefix, ReleaseManifest manifest, String cacheControl) {
        String key = prefix + ReleaseManifest.CURRENT_KEY;
        String eTag = put(key, EventJson.write(Current.of(manifest)), cacheControl);
        // What was just written is what the next release reads, as long as nobody else writes it.
        manifests.put(key, new Cached(eTag, manifest));
    }

    /**
     * The keys an attempt to change the site under {@code prefix} was changing when it stopped
     * short of its {@code current.json} (killed, or failed): the bucket may hold new bytes or
     * nothing for them, whatever the live manifest says. Empty when the last attempt finished.
     */
    public Set<String> unsettled(String prefix) {
        try {
            byte[] json = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + ReleaseManifest.UNSETTLED_KEY)).asByteArray();
            return Set.copyOf(EventJson.read(json, Unsettled.class).keys());
        } catch (NoSuchKeyException none) {
            return Set.of();
        }
    }

    /** Records {@code keys} as being changed, before the first of them is. */
    public void unsettle(String prefix, Collection<String> keys, String cacheControl) {
        put(prefix + ReleaseManifest.UNSETTLED_KEY, EventJson.write(new Unsettled(List.copyOf(keys))), cacheControl);
    }

    /** The attempt is live: nothing is unsettled any more. */
    public void settle(String prefix) {
        s3.deleteObject(b -> b.bucket(bucket).key(prefix + ReleaseManifest.UNSETTLED_KEY));
    }

    /** The body of {@link ReleaseManifest#UNSETTLED_KEY}. */
    public record Unsettled(List<String> keys) {}

    /**
     * Keeps the {@code retain} newest releases and the live one; deletes the other manifests and
     * every stored object that no kept release needs. Returns how many stored objects went.
     */
    public int expire(String prefix, int retain, ReleaseManifest live) {
        List<ReleaseManifest> releases = releases(prefix);
        List<ReleaseManifest> kept = new ArrayList<>();
        List<ReleaseManifest> expired = new ArrayList<>();
        for (ReleaseManifest release : releases) {
            (kept.size() < retain || release.releaseId().equals(live.releaseId()) ? kept : expired).add(release);
        }
        if (expired.isEmpty()) {
            return 0;
        }
        Set<String> needed = new HashSet<>(live.objects().values());
        kept.forEach(release -> needed.addAll(release.objects().values()));
        Set<String> unneeded = new HashSet<>();
        expired.forEach(release -> release.objects().values().stream().filter(h -> !needed.contains(h)).forEach(unneeded::add));
        delete(prefix, unneeded.stream().sorted().map(ReleaseManifest::storedObjectKey).toList());
        delete(prefix, expired.stream().map(ReleaseManifest::releaseKey).toList());
        expired.forEach(release -> manifests.remove(prefix + release.releaseKey()));
        return unneeded.size();
    }

    /** Deletes {@code keys} below {@code prefix}, in batches of the most one request may name. */
    public void delete(String prefix, List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))
                    .stream().map(key -> ObjectIdentifier.builder().key(prefix + key).build()).toList();
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
    }

    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private ReleaseManifest read(String key) {
        return EventJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(), ReleaseManifest.class);
    }

    private String put(String key, byte[] json, String cacheControl) {
        return s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json").cacheControl(cacheControl),
                RequestBody.fromBytes(json)).eTag();
    }
}
