package dev.inkstream.publish.theme;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The theme's own words in the page's language, so a Chinese page does not say "min read":
 * {@code templates/inkstream/i18n/theme_<lang>.properties}, English for languages without one.
 */
public final class ThemeStrings {

    private static final String BUNDLE = "templates.inkstream.i18n.theme";
    // English is the fallback, not the JVM's default locale: a server in Germany must not change the site.
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The words for {@code language} (BCP 47; {@code zh-Hant} uses {@code zh}'s), else English. */
    public static Map<String, String> of(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ThemeStrings.class.getClassLoader(), NO_DEFAULT_LOCALE);
        Map<String, String> words = new TreeMap<>();
        bundle.keySet().forEach(key -> words.put(key, bundle.getString(key)));
        return words;
    }

    private ThemeStrings() {}
}
