package dev.inkstream.publish.deploy;

import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;

/**
 * What a release consists of: every object key of the site with its content hash. Written to
 * {@code _inkstream/releases/<releaseId>.json}, then to {@code _inkstream/current.json}: the
 * second write is the commit point of a release.
 */
public record ReleaseManifest(int schemaVersion, String repo, String commit, String releaseId, Map<String, String> objects) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CURRENT_KEY = "_inkstream/current.json";
    public static final String RELEASES_PREFIX = "_inkstream/releases/";

    public ReleaseManifest {
        // Sorted, so the same release always serialises to the same bytes.
        objects = Collections.unmodifiableMap(new TreeMap<>(objects));
    }

    public static ReleaseManifest empty(String repo) {
        return new ReleaseManifest(SCHEMA_VERSION, repo, "", "", Map.of());
    }

    public String releaseKey() {
        return RELEASES_PREFIX + releaseId + ".json";
    }
}
