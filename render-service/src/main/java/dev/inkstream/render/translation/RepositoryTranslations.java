package dev.inkstream.render.translation;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import dev.inkstream.events.TranslationGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The repository-level half of the translation checks: which convention a repository uses, its
 * default language and languages, and every group's checks for a whole repository at once (what
 * {@code inkstream check} runs; the streaming topology runs the same per group).
 */
public final class RepositoryTranslations {

    /** The view a group's checks need, from every page's index entry and the site config when there is one. */
    public static RepositoryView view(String repo, @Nullable SiteConfig config, Collection<IndexEntry> entries) {
        SiteConfig.Translations settings = config == null ? SiteConfig.Translations.DEFAULTS : config.translations();
        String defaultLanguage = defaultLanguage(config, entries);
        Set<String> languages = new LinkedHashSet<>();
        languages.add(defaultLanguage);
        if (config != null && !config.languages().isEmpty()) {
            config.languages().stream().map(l -> TranslationNaming.normalise(l).orElse(l)).forEach(languages::add);
        } else {
            entries.stream().map(IndexEntry::language).filter(l -> l != null).sorted().forEach(languages::add);
        }
        Map<String, Set<String>> languagesByKey = new TreeMap<>();
        for (IndexEntry entry : entries) {
            languagesByKey.computeIfAbsent(entry.translationKey(), k -> new TreeSet<>())
                    .add(entry.language() == null ? defaultLanguage : entry.language());
        }
        return new RepositoryView(repo, settings, defaultLanguage, List.copyOf(languages),
                convention(settings, entries), languagesByKey);
    }

    /**
     * The site config's default language; else, when some pages are unmarked, the language of
     * the script most of them are written in (unmarked pages are the default language); else the
     * most common marked language; else English.
     */
    static String defaultLanguage(@Nullable SiteConfig config, Collection<IndexEntry> entries) {
        if (config != null && config.defaultLanguage() != null) {
            return TranslationNaming.normalise(config.defaultLanguage()).orElse(config.defaultLanguage());
        }
        List<IndexEntry> unmarked = entries.stream().filter(e -> e.language() == null).toList();
        if (!unmarked.isEmpty()) {
            return mostCommon(unmarked.stream().map(IndexEntry::script).filter(s -> s != null).toList())
                    .map(Scripts::languageWrittenIn).orElse("en");
        }
        return mostCommon(entries.stream().map(IndexEntry::language).toList()).orElse("en");
    }

    /** The configured convention, else every convention seen among marked pages ({@code suffix+directory}). */
    static String convention(SiteConfig.Translations settings, Collection<IndexEntry> entries) {
        if (!settings.convention().equals("auto")) {
            return settings.convention();
        }
        Set<String> seen = entries.stream().filter(e -> e.language() != null || e.convention().equals(IndexEntry.FRONT_MATTER))
                .map(IndexEntry::convention).filter(c -> !c.equals(FileLanguage.NONE))
                .collect(Collectors.toCollection(TreeSet::new));
        return seen.isEmpty() ? FileLanguage.NONE : String.join("+", seen);
    }

    /** Every group of a repository, checked: the documents of one commit, pages and site config among them. */
    public static List<TranslationGroup> checkAll(String repo, Collection<RenderedDocument> documents) {
        SiteConfig config = documents.stream().filter(d -> d.kind() == DocumentKind.CONFIG && d.siteConfig() != null)
                .map(RenderedDocument::siteConfig).findFirst().orElse(null);
        List<RenderedDocument> pages = documents.stream().filter(IndexEntry::isPage).toList();
        RepositoryView view = view(repo, config, pages.stream().map(IndexEntry::of).toList());
        Map<String, List<RenderedDocument>> groups = pages.stream()
                .collect(Collectors.groupingBy(RenderedDocument::translationKey, TreeMap::new, Collectors.toList()));
        List<TranslationGroup> checked = new ArrayList<>();
        groups.forEach((key, members) -> checked.add(TranslationChecks.check(view, key, members)));
        return checked;
    }

    private static <T> Optional<T> mostCommon(List<T> values) {
        Map<T, Long> counts = values.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<T, Long>comparingByValue()
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    private RepositoryTranslations() {}
}
