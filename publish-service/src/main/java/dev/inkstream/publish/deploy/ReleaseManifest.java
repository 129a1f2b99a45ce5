package dev.inkstream.publish.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a release consists of: every object key of the site with its content hash. Written to
 * {@code _inkstream/releases/<releaseId>.json}; then {@code _inkstream/current.json} names it
 * ({@link ReleaseStore.Current}, the same fields without the objects): that second write is the
 * commit point of a release.
 *
 * @param publishedAt when the release was first made live; orders releases for retention and
 *                    rollback (absent in manifests written before it existed: they count as oldest)
 * @param rolledBack  commits an operator rolled back from to reach this state: publishing any of
 *                    them again (a replay after a restart) would undo the rollback, so it is held
 */
public record ReleaseManifest(int schemaVersion, String repo, String commit, String releaseId, Map<String, String> objects,
                              @Nullable Instant publishedAt, List<String> rolledBack) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CURRENT_KEY = "_inkstream/current.json";
    public static final String RELEASES_PREFIX = "_inkstream/releases/";
    /** The keys an attempt is changing, written before its first change, deleted once it is live. */
    public static final String UNSETTLED_KEY = "_inkstream/unsettled.json";
    /** Every uploaded object's bytes, by content hash, kept for rollback. */
    public static final String OBJECTS_PREFIX = "_inkstream/objects/";

    public ReleaseManifest {
        // Sorted, so the same release always serialises to the same bytes, and retention can walk
        // two manifests side by side. A sorted map stays one to its readers: copying it is linear.
        objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
        rolledBack = rolledBack == null ? List.of() : List.copyOf(rolledBack);
    }

    public ReleaseManifest(int schemaVersion, String repo, String commit, String releaseId, Map<String, String> objects) {
        this(schemaVersion, repo, commit, releaseId, objects, null, List.of());
    }

    public static ReleaseManifest empty(String repo) {
        return new ReleaseManifest(SCHEMA_VERSION, repo, "", "", Map.of());
    }

    public String releaseKey() {
        return RELEASES_PREFIX + releaseId + ".json";
    }

    public static String storedObjectKey(String sha256) {
        return OBJECTS_PREFIX + sha256;
    }

    /** This release made current again by a rollback from {@code live}. */
    ReleaseManifest restoredFrom(ReleaseManifest live) {
        List<String> from = new ArrayList<>(live.rolledBack());
        if (!live.commit().isEmpty() && !from.contains(live.commit())) {
            from.add(live.commit());
        }
        from.remove(commit);
        return new ReleaseManifest(schemaVersion, repo, commit, releaseId, objects, publishedAt, from);
    }

    /** Orders releases newest first; those without a date last. */
    static int newestFirst(ReleaseManifest a, ReleaseManifest b) {
        Instant x = a.publishedAt() == null ? Instant.EPOCH : a.publishedAt();
        Instant y = b.publishedAt() == null ? Instant.EPOCH : b.publishedAt();
        int byTime = y.compareTo(x);
        return byTime != 0 ? byTime : b.releaseId().compareTo(a.releaseId());
    }
}
