package dev.inkstream.publish.feeds;

import java.util.List;
import java.util.Map;

/** Lets other packages' tests drive {@link Sitemaps} with a small limit. */
public final class SitemapsAccess {

    public static Map<String, byte[]> write(String base, List<Sitemaps.Url> urls, int maxUrls) {
        return Sitemaps.write(base, urls, maxUrls);
    }

    private SitemapsAccess() {}
}
