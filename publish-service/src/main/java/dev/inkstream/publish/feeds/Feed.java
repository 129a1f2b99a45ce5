package dev.inkstream.publish.feeds;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A feed before it is written in any format.
 *
 * @param homeUrl  absolute URL of the page the feed follows (the site, a language home, a tag page)
 * @param feedBase absolute URL of the folder the feed files are published in, ending in {@code /}
 * @param language BCP 47 language of the feed ({@code xml:lang}), when it has one
 */
public record Feed(String title, String homeUrl, String feedBase, @Nullable String language, List<FeedEntry> entries) {

    public Feed {
        entries = List.copyOf(entries);
    }
}
