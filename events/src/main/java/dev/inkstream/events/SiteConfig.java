package dev.inkstream.events;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the content repository says about its site, normalised from whichever file said it
 * ({@code inkstream.yaml} wins over {@code hugo.toml}/{@code config.toml}/{@code _config.yml}).
 * Travels on a {@link RenderedDocument} of kind {@link DocumentKind#CONFIG}.
 *
 * @param source          the file it was read from, e.g. {@code inkstream.yaml}
 * @param title           site title
 * @param baseUrl         absolute base URL, e.g. {@code https://blog.example.org/}, for canonical
 *                        links, feeds and sitemaps
 * @param defaultLanguage BCP 47 code of the language published at the root; absent means inferred
 * @param languages       every language the site publishes (BCP 47), default first when known
 * @param translations    how translation pairs are found and judged
 * @param params          every other field, for templates
 */
public record SiteConfig(
        String source,
        @Nullable String title,
        @Nullable String baseUrl,
        @Nullable String defaultLanguage,
        List<String> languages,
        Translations translations,
        Map<String, Object> params) {

    /**
     * Root files that configure a site, in order of precedence: Inkstream's own first, then what
     * an existing Hugo or Jekyll site already has. Ingest sends every one present; publish uses
     * the first of them that was read.
     */
    public static final List<String> FILES = List.of(
            "inkstream.yaml", "inkstream.yml", "hugo.toml", "hugo.yaml", "config.toml", "config.yaml", "_config.yml");

    public SiteConfig {
        languages = languages == null ? List.of() : List.copyOf(languages);
        translations = translations == null ? Translations.DEFAULTS : translations;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /**
     * @param convention             {@code auto} (detect from file names), {@code suffix},
     *                               {@code directory} or {@code front-matter}
     * @param missingSeverity        severity of {@code missing-translation} findings
     * @param ignoreCommitPatterns   regular expressions; a source commit whose subject matches one
     *                               does not make its translations stale (e.g. {@code typo}, {@code \[skip-i18n\]})
     * @param mustAgree              front matter fields that translations must share (e.g. {@code date}, {@code tags})
     */
    public record Translations(
            String convention,
            Diagnostic.Severity missingSeverity,
            List<String> ignoreCommitPatterns,
            List<String> mustAgree) {

        public static final Translations DEFAULTS = new Translations("auto", Diagnostic.Severity.INFO,
                List.of("(?i)\\btypos?\\b", "\\[skip-i18n\\]"), List.of("date"));

        public Translations {
            convention = convention == null ? "auto" : convention;
            missingSeverity = missingSeverity == null ? Diagnostic.Severity.INFO : missingSeverity;
            ignoreCommitPatterns = ignoreCommitPatterns == null ? List.of() : List.copyOf(ignoreCommitPatterns);
            mustAgree = mustAgree == null ? List.of() : List.copyOf(mustAgree);
        }
    }
}
