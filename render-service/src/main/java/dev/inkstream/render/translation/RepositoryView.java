package dev.inkstream.render.translation;

import dev.inkstream.events.SiteConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a group's checks need to know about the rest of its repository: how it names translations,
 * its default language, the languages it publishes, and which languages every translation key has
 * (for near misses: a translation with no source is compared with sources lacking that language).
 *
 * @param languagesByKey translation key → languages present, the default language included
 */
public record RepositoryView(
        String repo,
        SiteConfig.Translations settings,
        String defaultLanguage,
        List<String> languages,
        String convention,
        Map<String, Set<String>> languagesByKey) {

    public RepositoryView {
        languages = List.copyOf(languages);
        languagesByKey = Map.copyOf(languagesByKey);
    }
}
