package dev.inkstream.publish.deploy;

import dev.inkstream.events.EventJson;
import dev.inkstream.publish.output.OutputObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
    /** What {@link #expire} knows of each site's retained releases, by prefix. */
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();
    /** How each release this store published and retention has not yet taken in changed the one before, by manifest key. */
    private final Map<String, Link> links = new ConcurrentHashMap<>();

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
        publish(prefix, Serialised.of(manifest), cacheControl, null);
    }

    /**
     * As {@link #publish(String, ReleaseManifest, String)}, with the manifest serialised already,
     * for a release made by {@code plan}: what it changed is what retention will need of it.
     */
    void publish(String prefix, Serialised release, String cacheControl, @Nullable DeployPlan plan) {
        ReleaseManifest manifest = release.manifest();
        String key = prefix + manifest.releaseKey();
        links.remove(key);
        // Retention lists the releases right after this one; it need not read back what was just written.
        manifests.put(key, new Cached(put(key, release.json(), cacheControl), manifest));
        if (plan != null) {
            Link.of(manifest, plan).ifPresent(link -> links.put(key, link));
        }
        makeCurrent(prefix, manifest, cacheControl);
    }

    /** A release manifest and its JSON, which for a large site takes a while to make. */
    public record Serialised(ReleaseManifest manifest, byte[] json) {
        public static Serialised of(ReleaseManifest manifest) {
            return new Serialised(manifest, EventJson.write(manifest));
        }
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
     *
     * <p>Its cost is what expires, not the site, once it knows the site's releases ({@link
     * Chain}): what each release changed is known from its plan, so a stored object is found
     * unneeded from the changes alone. It knows them only as far as the listing (one request)
     * shows nothing else: a release another writer made, one made live again by a rollback, or a
     * store just started, and it reads and compares the retained manifests whole, once.
     */
    public int expire(String prefix, int retain, ReleaseManifest live) {
        try {
            return expireKnown(prefix, retain, live);
        } catch (RuntimeException e) {
            chains.remove(prefix);
            throw e;
        }
    }

    private int expireKnown(String prefix, int retain, ReleaseManifest live) {
        List<Chain.Listed> listed = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + ReleaseManifest.RELEASES_PREFIX))
                .contents()) {
            listed.add(new Chain.Listed(object.key(), object.eTag(), readCached(object)));
        }
        listed.sort((a, b) -> ReleaseManifest.newestFirst(a.manifest(), b.manifest()));
        List<Chain.Listed> kept = new ArrayList<>();
        List<Chain.Listed> expired = new ArrayList<>();
        for (Chain.Listed release : listed) {
            (kept.size() < retain || release.manifest().releaseId().equals(live.releaseId()) ? kept : expired).add(release);
        }
        List<Chain.Listed> oldestFirst = listed.reversed();
        Chain chain = chains.get(prefix);
        if (chain == null || !chain.extendTo(oldestFirst, links)) {
            chain = Chain.of(oldestFirst, links);
        }
        chains.put(prefix, chain);
        if (expired.isEmpty()) {
            return 0;
        }
        Set<String> unneeded = new TreeSet<>();
        if (chain.startsWith(expired.reversed())) {
            for (int i = 0; i < expired.size(); i++) {
                unneeded.addAll(chain.dropOldest());
            }
            if (!kept.stream().anyMatch(release -> release.manifest().releaseId().equals(live.releaseId())
                    && (release.manifest().objects() == live.objects() || release.manifest().objects().equals(live.objects())))) {
                // Not a listed release (a current.json that held its whole manifest): its hashes count too.
                live.objects().values().forEach(unneeded::remove);
            }
        } else {
            // The live release is older than the ones expiring (rolled back to): not the oldest go.
            chains.remove(prefix);
            Set<String> needed = new HashSet<>(live.objects().values());
            kept.forEach(release -> needed.addAll(release.manifest().objects().values()));
            expired.forEach(release -> release.manifest().objects().values().stream().filter(h -> !needed.contains(h))
                    .forEach(unneeded::add));
        }
        delete(prefix, unneeded.stream().map(ReleaseManifest::storedObjectKey).toList());
        delete(prefix, expired.stream().map(release -> release.manifest().releaseKey()).toList());
        expired.forEach(release -> manifests.remove(prefix + release.manifest().releaseKey()));
        return unneeded.size();
    }

    /**
     * A site's retained releases as the store last listed them, oldest first, each with the
     * hashes of the previous one's objects it no longer has; and for each hash, how many runs of
     * releases have it, a run being releases in a row that have it at the same key. Dropping the
     * oldest release ends the runs of what the next one no longer has: a hash whose last run
     * ends is in no retained release. Touched only by {@link #expire}, on the publisher's thread.
     */
    private static final class Chain {
        private final List<Member> members = new ArrayList<>();
        private final Map<String, Integer> runs = new HashMap<>();

        record Listed(String key, String eTag, ReleaseManifest manifest) {}

        private record Member(Listed release, List<String> removed) {}

        /**
         * Counted from scratch: the first release whole, each next one by what its plan changed
         * if this store published it, else by comparing it with the one before.
         */
        static Chain of(List<Listed> oldestFirst, Map<String, Link> links) {
            Chain chain = new Chain();
            for (Listed release : oldestFirst) {
                Link link = links.remove(release.key());
                if (chain.members.isEmpty()) {
                    release.manifest().objects().values().forEach(chain::start);
                    chain.members.add(new Member(release, List.of()));
                } else if (chain.follows(link, release)) {
                    chain.add(link, release);
                } else {
                    Map<String, String> before = chain.members.getLast().release().manifest().objects();
                    Map<String, String> after = release.manifest().objects();
                    List<String> removed = new ArrayList<>();
                    differing(before, after, removed::add);
                    differing(after, before, chain::start);
                    chain.members.add(new Member(release, removed));
                }
            }
            return chain;
        }

        /** Whether {@code link} is how {@code release} changed the newest member. */
        private boolean follows(@Nullable Link link, Listed release) {
            return link != null && !members.isEmpty() && link.release() == release.manifest()
                    && link.base() == members.getLast().release().manifest().objects();
        }

        private void add(Link link, Listed release) {
            link.added().forEach(this::start);
            members.add(new Member(release, link.removed()));
        }

        private void start(String sha) {
            runs.merge(sha, 1, Integer::sum);
        }

        /**
         * Takes in the releases listed after the newest member, each by what its plan changed;
         * false when the listing is not the members and such releases, in this order.
         */
        boolean extendTo(List<Listed> oldestFirst, Map<String, Link> links) {
            if (oldestFirst.size() < members.size()) {
                return false;
            }
            for (int i = 0; i < members.size(); i++) {
                Listed member = members.get(i).release();
                Listed now = oldestFirst.get(i);
                if (!member.key().equals(now.key()) || !member.eTag().equals(now.eTag())) {
                    return false;
                }
            }
            for (Listed release : oldestFirst.subList(members.size(), oldestFirst.size())) {
                Link link = links.get(release.key());
                if (!follows(link, release)) {
                    return false;
                }
                add(link, release);
                links.remove(release.key());
            }
            return true;
        }

        /** Whether the releases are the oldest members, not all of them. */
        boolean startsWith(List<Listed> oldestFirst) {
            if (oldestFirst.size() >= members.size()) {
                return false;
            }
            for (int i = 0; i < oldestFirst.size(); i++) {
                if (!oldestFirst.get(i).key().equals(members.get(i).release().key())) {
                    return false;
                }
            }
            return true;
        }

        /** Drops the oldest release; returns the hashes no release left has. */
        List<String> dropOldest() {
            members.removeFirst();
            List<String> gone = new ArrayList<>();
            for (String sha : members.getFirst().removed()) {
                if (runs.merge(sha, -1, Integer::sum) == 0) {
                    runs.remove(sha);
                    gone.add(sha);
                }
            }
            members.set(0, new Member(members.getFirst().release(), List.of()));
            return gone;
        }
    }

    /**
     * How a release published through this store differs from the one its plan was made against
     * ({@code base}, the very objects map): the hashes of the objects it added or changed, and of
     * the ones it changed or deleted.
     */
    record Link(ReleaseManifest release, Map<String, String> base, List<String> added, List<String> removed) {

        /** Empty when the plan's outputs repeat a key, so that its uploads are not quite the change. */
        static Optional<Link> of(ReleaseManifest release, DeployPlan plan) {
            if (plan.objects().size() != plan.unchanged().size() + plan.uploads().size()) {
                return Optional.empty();
            }
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (OutputObject upload : plan.uploads()) {
                String before = plan.base().get(upload.key());
                if (!upload.sha256().equals(before)) {
                    added.add(upload.sha256());
                    if (before != null) {
                        removed.add(before);
                    }
                }
            }
            for (String key : plan.deletions()) {
                String before = plan.base().get(key);
                if (before != null) {
                    removed.add(before);
                }
            }
            return Optional.of(new Link(release, plan.base(), added, removed));
        }
    }

    /**
     * Gives {@code to} each hash of {@code objects} that {@code reference} does not have at the
     * same key. Both are a manifest's objects, which iterate in key order ({@link ReleaseManifest}
     * keeps them sorted).
     */
    private static void differing(Map<String, String> objects, Map<String, String> reference, Consumer<String> to) {
        if (objects == reference) {
            return;
        }
        Iterator<Map.Entry<String, String>> references = reference.entrySet().iterator();
        Map.Entry<String, String> other = references.hasNext() ? references.next() : null;
        for (Map.Entry<String, String> entry : objects.entrySet()) {
            String key = entry.getKey();
            int order = -1;
            while (other != null && (order = compare(other.getKey(), key)) < 0) {
                other = references.hasNext() ? references.next() : null;
            }
            String sha = entry.getValue();
            if (other == null || order != 0 || (other.getValue() != sha && !other.getValue().equals(sha))) {
                to.accept(sha);
            }
        }
    }

    /** As {@link String#compareTo}, without comparing the characters of the very same key. */
    private static int compare(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
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
