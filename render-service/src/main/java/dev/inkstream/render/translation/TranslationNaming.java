package dev.inkstream.render.translation;

import dev.inkstream.events.Diagnostic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The language conventions people use in repositories, read from a path alone: suffixes
 * ({@code a_zh.md}, {@code a-zh.md}, {@code a.zh.md}, {@code a.zh-CN.md}) and language folders
 * ({@code content/zh/…}, {@code zh/…}, {@code docs/zh/…}, {@code i18n/zh/…}). Codes are normalised
 * to BCP 47 ({@code zh_CN}, {@code zh-cn} → {@code zh-CN}) and must be ISO 639-1 languages, so
 * {@code my-notes-on.md} is not in a language called "on".
 */
public final class TranslationNaming {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * ISO 639-1 codes that are also English words. After a hyphen they end titles far more often
     * than they mark a language ({@code how-to.md}, {@code what-it-is.md}), so a hyphen suffix
     * needs a region in capitals ({@code -no-NO}, not {@code what-it-is}) for them; {@code _it} and {@code .it} still count.
     */
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "am", "an", "as", "be", "by", "do", "he", "hi", "id", "ie", "if", "in", "is", "it", "me", "my", "no",
            "of", "oh", "ok", "on", "or", "os", "so", "to", "up", "us", "we");

    /** Folders under which a language folder holds a whole translated tree. */
    private static final Set<String> LANGUAGE_ROOTS = Set.of("content", "i18n", "docs");
    /** Of those, the folders that are only containers: dropped from keys and URLs. */
    private static final Set<String> CONTAINER_ROOTS = Set.of("content", "i18n");

    // name, separator, language, region or script, extension: "a.zh-CN.md", "a_pt_BR.md"
    private static final Pattern WITH_REGION = Pattern.compile(
            "^(?<name>.+?)(?<sep>[._-])(?<lang>[A-Za-z]{2,3})[-_](?<sub>[A-Za-z]{2}|[A-Za-z]{4}|[0-9]{3})(?<ext>\\.[A-Za-z0-9]+)$");
    // name, separator, language, extension: "a_zh.md"; tried second, so "roi_zh.md" is zh, not "roi" of region "zh"
    private static final Pattern LANGUAGE_ONLY = Pattern.compile(
            "^(?<name>.+?)(?<sep>[._-])(?<lang>[A-Za-z]{2,3})(?<sub>)(?<ext>\\.[A-Za-z0-9]+)$");

    private static final Pattern LANGUAGE_FOLDER = Pattern.compile("[a-z]{2,3}([-_][A-Za-z]{2,4})?");

    /** The language a path names, its translation key and the URL path it publishes under. */
    public static FileLanguage of(String path) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        String file = path.substring(dir.length());
        String extension = file.contains(".") && file.lastIndexOf('.') > 0 ? file.substring(file.lastIndexOf('.')) : "";
        String stem = file.substring(0, file.length() - extension.length());

        Optional<FileLanguage> suffixed = suffix(path, dir, file);
        if (suffixed.isPresent()) {
            return suffixed.get();
        }
        Optional<FileLanguage> folder = directory(path, dir + stem, extension);
        if (folder.isPresent()) {
            return folder.get();
        }
        return new FileLanguage(path, null, dir + stem, FileLanguage.NONE, unknownSuffix(file), path);
    }

    /**
     * The language and translation key of a document: front matter {@code lang} and
     * {@code translationKey} (Hugo) or {@code ref} (jekyll-polyglot) win over what the path says.
     * A code nobody knows, in the path or the front matter, becomes an {@code unknown-language}
     * finding in {@code diagnostics} and no language.
     */
    public static FileLanguage forDocument(String path, Map<String, Object> frontMatter, List<Diagnostic> diagnostics) {
        FileLanguage file = of(path);
        String language = file.language();
        Object lang = frontMatter.get("lang");
        if (lang != null) {
            Optional<String> normalised = normalise(lang.toString());
            if (normalised.isPresent()) {
                language = normalised.get();
            } else {
                diagnostics.add(Diagnostic.warning("unknown-language", "front matter 'lang: " + lang
                        + "' is not a language code we know (use a BCP 47 code such as en, zh-CN, pt-BR)"));
            }
        } else if (file.unknownCode() != null) {
            diagnostics.add(Diagnostic.info("unknown-language", "'" + file.unknownCode() + "' in the file name looks like a"
                    + " language code but is none we know; the file is treated as unmarked"));
        }
        Object key = frontMatter.get("translationKey") != null ? frontMatter.get("translationKey") : frontMatter.get("ref");
        String translationKey = key == null || key.toString().isBlank() ? file.translationKey() : key.toString().strip();
        return new FileLanguage(path, language, translationKey, file.convention(), file.unknownCode(), file.urlPath());
    }

    /** A BCP 47 code for a written code ({@code zh_cn} → {@code zh-CN}), when it is a known language. */
    public static Optional<String> normalise(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String[] parts = code.strip().split("[-_]");
        String language = parts[0].toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language) || parts.length > 2) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(language);
        }
        String sub = parts[1];
        if (sub.length() == 2 && !COUNTRIES.contains(sub.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Locale.Builder().setLanguageTag(language + "-" + sub).build().toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    private static Optional<FileLanguage> suffix(String path, String dir, String file) {
        if (!mayEndInCode(file)) {
            return Optional.empty();
        }
        for (Pattern pattern : List.of(WITH_REGION, LANGUAGE_ONLY)) {
            Matcher m = pattern.matcher(file);
            if (m.matches()) {
                Optional<FileLanguage> found = suffix(path, dir, m);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<FileLanguage> suffix(String path, String dir, Matcher m) {
        String sub = m.group("sub").isEmpty() ? null : m.group("sub");
        String written = m.group("lang") + (sub == null ? "" : "-" + sub);
        boolean regionInCapitals = sub != null && sub.equals(sub.toUpperCase(Locale.ROOT));
        if (m.group("sep").equals("-") && !regionInCapitals && ENGLISH_WORDS.contains(m.group("lang").toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        // A code in capitals with no region (a_ZH.md) is more likely an acronym than a language.
        if (sub == null && !m.group("lang").equals(m.group("lang").toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return normalise(written).map(language -> {
            String stem = m.group("name");
            String urlPath = language + "/" + dir + stem + m.group("ext");
            return new FileLanguage(path, language, dir + stem, FileLanguage.SUFFIX, null, urlPath);
        });
    }

    private static Optional<FileLanguage> directory(String path, String withoutExtension, String extension) {
        String[] segments = withoutExtension.split("/");
        if (segments.length < 2) {
            return Optional.empty();
        }
        int at = LANGUAGE_ROOTS.contains(segments[0]) && segments.length >= 3 ? 1 : 0;
        String candidate = segments[at];
        // Only lower-case folders, written as codes: "Go/" or "IT/" are topics, not languages.
        if (!LANGUAGE_FOLDER.matcher(candidate).matches() || (at == 0 && ENGLISH_WORDS.contains(candidate))) {
            return Optional.empty();
        }
        return normalise(candidate).map(language -> {
            String before = at == 1 && !CONTAINER_ROOTS.contains(segments[0]) ? segments[0] + "/" : "";
            String rest = String.join("/", Arrays.copyOfRange(segments, at + 1, segments.length));
            String key = before + rest;
            return new FileLanguage(path, language, key, FileLanguage.DIRECTORY, null, language + "/" + key + extension);
        });
    }

    /** A suffix that has the shape of a code after {@code _} or {@code .} but names no language we know. */
    private static @Nullable String unknownSuffix(String file) {
        if (!mayEndInCode(file)) {
            return null;
        }
        for (Pattern pattern : List.of(WITH_REGION, LANGUAGE_ONLY)) {
            Matcher m = pattern.matcher(file);
            if (m.matches() && !m.group("sep").equals("-") && m.group("lang").matches("[a-z]{2}")) {
                return m.group("lang") + (m.group("sub").isEmpty() ? "" : "-" + m.group("sub"));
            }
        }
        return null;
    }

    /**
     * Whether {@link #WITH_REGION} or {@link #LANGUAGE_ONLY} could match {@code file}: read from
     * its end, without a regex. Most names end in a longer word ({@code …-delivery.md}) and are
     * ruled out here; the lazy name group makes the regexes themselves cost a try per character,
     * for every link of every page. A name with a line break or control character is left to
     * the regexes.
     */
    private static boolean mayEndInCode(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0 || dot == file.length() - 1 || !allMatch(file, dot + 1, file.length(), TranslationNaming::isAsciiLetterOrDigit)) {
            return file.chars().anyMatch(c -> c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029);
        }
        for (int sub : new int[] {0, 2, 3, 4}) {
            // sub == 0: language only; else language, '-' or '_', then a region or script of that length.
            int codeEnd = sub == 0 ? dot : dot - sub - 1;
            boolean subFits = sub == 0 || (codeEnd > 0 && (file.charAt(codeEnd) == '-' || file.charAt(codeEnd) == '_')
                    && allMatch(file, codeEnd + 1, dot, sub == 3 ? TranslationNaming::isAsciiDigit : TranslationNaming::isAsciiLetter));
            for (int language = 2; subFits && language <= 3; language++) {
                int separator = codeEnd - language - 1;
                if (separator >= 1 && ".-_".indexOf(file.charAt(separator)) >= 0
                        && allMatch(file, separator + 1, codeEnd, TranslationNaming::isAsciiLetter)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allMatch(String text, int from, int to, java.util.function.IntPredicate test) {
        for (int i = from; i < to; i++) {
            if (!test.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }

    private TranslationNaming() {}
}
