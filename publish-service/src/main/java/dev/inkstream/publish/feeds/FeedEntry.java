package dev.inkstream.publish.feeds;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a feed, every URL absolute.
 *
 * @param id        stable across releases: the canonical URL, or a {@code tag:} URI when the site has no base URL
 * @param html      the content, with absolute links; absent when the feed carries summaries only
 * @param updated   last change, from git (or front matter {@code lastmod})
 */
public record FeedEntry(String id, String url, String title, @Nullable String html, @Nullable String summary,
                        @Nullable Instant published, @Nullable Instant updated, List<String> tags,
                        @Nullable String language) {

    public FeedEntry {
        tags = List.copyOf(tags);
    }
}
