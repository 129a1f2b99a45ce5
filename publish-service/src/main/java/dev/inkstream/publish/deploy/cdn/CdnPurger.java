package dev.inkstream.publish.deploy.cdn;

import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.output.OutputObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a CDN to forget what a release changed. Called after {@code current.json} is written,
 * with exactly the changed URLs; a purge that fails is reported, not retried by us: the release
 * is live, and stale copies expire with their Cache-Control.
 */
public interface CdnPurger {

    /** Purges these absolute URL paths of the site ({@code /posts/a/}, {@code /feed.xml}). */
    void purge(List<String> paths);

    /** No CDN in front of the bucket (the default): nothing to purge. */
    CdnPurger NONE = paths -> {};

    /**
     * The URL paths a plan changes: every uploaded or deleted key under the site's prefix, and
     * for an {@code index.html} also the folder URL readers actually request.
     */
    static List<String> changedPaths(String prefix, DeployPlan plan) {
        List<String> keys = new ArrayList<>();
        plan.uploads().stream().map(OutputObject::key).forEach(keys::add);
        keys.addAll(plan.deletions());
        Set<String> paths = new LinkedHashSet<>();
        for (String key : keys) {
            String path = encoded("/" + prefix + key);
            if (path.endsWith("/index.html")) {
                paths.add(path.substring(0, path.length() - "index.html".length()));
            }
            paths.add(path);
        }
        return List.copyOf(paths);
    }

    /** Purge APIs take URLs: spaces, non-ASCII letters and the like percent-encoded, as a browser sends them. */
    private static String encoded(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
