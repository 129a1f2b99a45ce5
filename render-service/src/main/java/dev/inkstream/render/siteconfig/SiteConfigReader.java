package dev.inkstream.render.siteconfig;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.SiteConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * A site configuration file's text in, one {@link SiteConfig} out, whichever tool wrote it:
 * Inkstream's {@code inkstream.yaml}, Hugo's {@code hugo.toml}/{@code config.toml} ({@code baseURL},
 * {@code title}, {@code defaultContentLanguage}, {@code languages}, {@code [params]}) or Jekyll's
 * {@code _config.yml} ({@code url} + {@code baseurl}, {@code title}, {@code lang}). Pure: a file
 * that cannot be read gives an empty config and a diagnostic, never an exception.
 */
public final class SiteConfigReader {

    /** What was read, and what the author should fix in the file. */
    public record Result(SiteConfig config, List<Diagnostic> diagnostics) {}

    private static final int MAX_CODE_POINTS = 256 * 1024;
    private static final TomlMapper TOML = TomlMapper.builder().build();
    /** Inkstream keys with a place of their own; the rest go to params. include/exclude are ingest's. */
    private static final Set<String> INKSTREAM_KEYS = Set.of(
            "title", "baseUrl", "baseURL", "defaultLanguage", "languages", "translations", "params", "include", "exclude");
    private static final Set<String> HUGO_KEYS = Set.of(
            "title", "baseURL", "baseurl", "defaultContentLanguage", "languageCode", "languages", "params");
    private static final Set<String> JEKYLL_KEYS = Set.of("title", "url", "baseurl", "lang");

    public static Result read(String path, String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Object> fields = path.endsWith(".toml") ? toml(text, diagnostics) : yaml(text, diagnostics);
        SiteConfig config = switch (path) {
            case "inkstream.yaml", "inkstream.yml" -> inkstream(path, fields, diagnostics);
            case "_config.yml" -> jekyll(path, fields, diagnostics);
            default -> hugo(path, fields, diagnostics);
        };
        return new Result(config, List.copyOf(diagnostics));
    }

    private static SiteConfig inkstream(String path, Map<String, Object> fields, List<Diagnostic> diagnostics) {
        Object baseUrl = fields.containsKey("baseUrl") ? fields.get("baseUrl") : fields.get("baseURL");
        List<String> languages = languages(fields.get("languages"), diagnostics);
        String defaultLanguage = string(fields.get("defaultLanguage"));
        Map<String, Object> params = rest(fields, INKSTREAM_KEYS);
        params.putAll(map(fields.get("params")));
        return new SiteConfig(path, string(fields.get("title")), baseUrl(string(baseUrl), diagnostics),
                defaultLanguage, defaultFirst(defaultLanguage, languages),
                translations(fields.get("translations"), diagnostics), params);
    }

    private static SiteConfig hugo(String path, Map<String, Object> fields, List<Diagnostic> diagnostics) {
        Object baseUrl = fields.containsKey("baseURL") ? fields.get("baseURL") : fields.get("baseurl");
        String defaultLanguage = string(fields.get("defaultContentLanguage"));
        if (defaultLanguage == null) {
            defaultLanguage = string(fields.get("languageCode"));
        }
        Map<String, Object> params = rest(fields, HUGO_KEYS);
        params.putAll(map(fields.get("params")));
        return new SiteConfig(path, string(fields.get("title")), baseUrl(string(baseUrl), diagnostics), defaultLanguage,
                defaultFirst(defaultLanguage, languages(fields.get("languages"), diagnostics)), null, params);
    }

    /** Jekyll splits the base URL in two: {@code url: https://x.org} and {@code baseurl: /blog}. */
    private static SiteConfig jekyll(String path, Map<String, Object> fields, List<Diagnostic> diagnostics) {
        String url = string(fields.get("url"));
        String baseurl = string(fields.get("baseurl"));
        String joined = url == null ? null
                : baseurl == null || baseurl.isBlank() ? url
                : url.replaceAll("/+$", "") + "/" + baseurl.replaceAll("^/+", "");
        String lang = string(fields.get("lang"));
        return new SiteConfig(path, string(fields.get("title")), baseUrl(joined, diagnostics), lang,
                lang == null ? List.of() : List.of(lang), null, rest(fields, JEKYLL_KEYS));
    }

    /** An absolute http(s) URL ending in {@code /}, so page URLs can be appended to it. */
    private static @Nullable String baseUrl(@Nullable String value, List<Diagnostic> diagnostics) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getHost() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not absolute");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text : text + "/";
        } catch (IllegalArgumentException | NullPointerException e) {
            diagnostics.add(Diagnostic.warning("site-config-invalid", "base URL '" + value
                    + "' is not an absolute http(s) URL; canonical links and feeds use site-relative URLs")
                    .withSuggestion("https://example.org/"));
            return null;
        }
    }

    /**
     * Languages as a list of codes ({@code [en, zh]}) or, as in Hugo, a map of code to settings
     * ordered by {@code weight}.
     */
    private static List<String> languages(@Nullable Object value, List<Diagnostic> diagnostics) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(SiteConfigReader::string).filter(s -> s != null && !s.isBlank()).toList();
        }
        if (value instanceof Map<?, ?> byCode) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(byCode.entrySet());
            entries.sort(Comparator.comparingDouble(e -> weight(e.getValue())));
            return entries.stream().map(e -> String.valueOf(e.getKey())).toList();
        }
        diagnostics.add(Diagnostic.warning("site-config-invalid",
                "languages must be a list of language codes or a map of code to settings"));
        return List.of();
    }

    private static double weight(Object settings) {
        if (settings instanceof Map<?, ?> map && map.get("weight") instanceof Number weight) {
            return weight.doubleValue();
        }
        return Double.MAX_VALUE;
    }

    private static List<String> defaultFirst(@Nullable String defaultLanguage, List<String> languages) {
        if (defaultLanguage == null) {
            return languages;
        }
        List<String> ordered = new ArrayList<>(List.of(defaultLanguage));
        languages.stream().filter(l -> !l.equals(defaultLanguage)).forEach(ordered::add);
        return ordered;
    }

    private static SiteConfig.@Nullable Translations translations(@Nullable Object value, List<Diagnostic> diagnostics) {
        if (value == null) {
            return null;
        }
        Map<String, Object> settings = map(value);
        var defaults = SiteConfig.Translations.DEFAULTS;
        Diagnostic.Severity missing = defaults.missingSeverity();
        String severity = string(settings.get("missingSeverity"));
        if (severity != null) {
            try {
                missing = Diagnostic.Severity.valueOf(severity.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                diagnostics.add(Diagnostic.warning("site-config-invalid", "translations.missingSeverity '" + severity
                        + "' is not one of info, warning, error; info applies"));
            }
        }
        String convention = string(settings.get("convention"));
        return new SiteConfig.Translations(convention == null ? defaults.convention() : convention, missing,
                settings.containsKey("ignoreCommitPatterns") ? strings(settings.get("ignoreCommitPatterns"))
                        : defaults.ignoreCommitPatterns(),
                settings.containsKey("mustAgree") ? strings(settings.get("mustAgree")) : defaults.mustAgree());
    }

    private static Map<String, Object> toml(String text, List<Diagnostic> diagnostics) {
        try {
            Map<String, Object> fields = TOML.readValue(text, new TypeReference<Map<String, Object>>() {});
            return fields == null ? Map.of() : fields;
        } catch (JacksonException e) {
            var where = e.getLocation();
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "site-config-invalid",
                    "not valid TOML, so the site's defaults apply: " + firstLine(e.getOriginalMessage()),
                    where == null ? 1 : Math.max(1, where.getLineNr()), where == null ? 1 : Math.max(1, where.getColumnNr())));
            return Map.of();
        }
    }

    private static Map<String, Object> yaml(String text, List<Diagnostic> diagnostics) {
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(20)
                    .setCodePointLimit(MAX_CODE_POINTS).setLabel("site config").build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "site-config-invalid",
                    "not valid YAML, so the site's defaults apply: " + firstLine(e.getProblem()),
                    mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1));
            return Map.of();
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error("site-config-invalid",
                    "not valid YAML, so the site's defaults apply: " + firstLine(e.getMessage())));
            return Map.of();
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?>)) {
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "site-config-invalid",
                    "the site config must be a mapping of settings", 1, 1));
            return Map.of();
        }
        return map(loaded);
    }

    private static Map<String, Object> rest(Map<String, Object> fields, Set<String> known) {
        Map<String, Object> rest = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !known.contains(k)) {
                rest.put(k, v);
            }
        });
        return rest;
    }

    private static Map<String, Object> map(@Nullable Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null) {
                    map.put(String.valueOf(k), v);
                }
            });
        }
        return map;
    }

    private static List<String> strings(@Nullable Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(SiteConfigReader::string).filter(s -> s != null).toList();
        }
        String single = string(value);
        return single == null ? List.of() : List.of(single);
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null || value instanceof Map || value instanceof Collection ? null : value.toString();
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private SiteConfigReader() {}
}
