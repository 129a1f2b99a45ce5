package dev.inkstream.publish.output;

import dev.inkstream.events.RenderedDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which translations of a page exist: the published documents that share its
 * {@code translationKey}, one per language. A pure function, so the switcher never links a
 * translation that is not there.
 */
public final class LanguageSwitcher {

    /** One language version of a page. */
    public record Version(String language, String label, String url, boolean current) {}

    /**
     * @param document  the page
     * @param siblings  every published document sharing its translation key (the page among them)
     * @param languages the site's languages in display order; others sort after them by code
     * @param defaultLanguage the language of documents that do not say theirs
     * @return the versions in display order, the page's own included; empty when it has no translation
     */
    public static List<Version> versions(RenderedDocument document, List<RenderedDocument> siblings,
                                         List<String> languages, String defaultLanguage) {
        if (document.translationKey() == null) {
            return List.of();
        }
        Map<String, RenderedDocument> byLanguage = new LinkedHashMap<>();
        siblings.stream().filter(d -> document.translationKey().equals(d.translationKey()))
                .sorted(Comparator.comparing(RenderedDocument::path))
                .forEach(d -> byLanguage.putIfAbsent(languageOf(d, defaultLanguage), d));
        String own = languageOf(document, defaultLanguage);
        byLanguage.put(own, document);
        if (byLanguage.size() < 2) {
            return List.of();
        }
        List<Version> versions = new ArrayList<>();
        byLanguage.forEach((language, d) -> versions.add(
                new Version(language, label(language), d.url(), d.path().equals(document.path()))));
        versions.sort(Comparator.comparingInt((Version v) -> order(languages, v.language())).thenComparing(Version::language));
        return versions;
    }

    static String languageOf(RenderedDocument document, String defaultLanguage) {
        return document.language() == null || document.language().isBlank() ? defaultLanguage : document.language();
    }

    /** A language's name in that language ({@code 中文}, {@code Deutsch}), as readers look for their own. */
    public static String label(String language) {
        return LABELS.computeIfAbsent(language, LanguageSwitcher::labelOf);
    }

    /** Labels by language tag: every page of a multilingual site asks for them, and there are few. */
    private static final Map<String, String> LABELS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String labelOf(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayName(locale);
        if (name.isBlank() || name.equalsIgnoreCase(language)) {
            return language;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static int order(List<String> languages, String language) {
        int index = languages.indexOf(language);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private LanguageSwitcher() {}
}
