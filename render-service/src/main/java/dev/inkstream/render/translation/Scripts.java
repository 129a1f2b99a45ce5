package dev.inkstream.render.translation;

import dev.inkstream.events.Structure;
import java.util.Map;
import java.util.Set;

/**
 * Which writing system a language uses, and how much of a text is in it. Letters of alphabetic
 * scripts are counted in words (about five letters each) and CJK characters one by one, so a
 * Chinese post full of Latin product names still reads as Chinese.
 */
final class Scripts {

    private static final Map<String, Set<String>> BY_LANGUAGE = Map.ofEntries(
            Map.entry("zh", Set.of("HAN")),
            Map.entry("ja", Set.of("HAN", "HIRAGANA", "KATAKANA")),
            Map.entry("ko", Set.of("HANGUL", "HAN")),
            Map.entry("ru", Set.of("CYRILLIC")), Map.entry("uk", Set.of("CYRILLIC")),
            Map.entry("bg", Set.of("CYRILLIC")), Map.entry("sr", Set.of("CYRILLIC", "LATIN")),
            Map.entry("el", Set.of("GREEK")), Map.entry("he", Set.of("HEBREW")),
            Map.entry("ar", Set.of("ARABIC")), Map.entry("fa", Set.of("ARABIC")),
            Map.entry("hi", Set.of("DEVANAGARI")), Map.entry("th", Set.of("THAI")));

    private static final Set<String> CHARACTER_SCRIPTS = Set.of("HAN", "HIRAGANA", "KATAKANA", "THAI");

    /** The scripts a language is written in; Latin for every language not listed. */
    static Set<String> of(String language) {
        return BY_LANGUAGE.getOrDefault(primary(language), Set.of("LATIN"));
    }

    /** How long a text in this language usually is, in {@link Structure#words()}, per English word. */
    static double wordsPerEnglishWord(String language) {
        return switch (primary(language)) {
            case "zh" -> 1.6;
            case "ja" -> 2.0;
            default -> 1.0;
        };
    }

    /** Word-sized units of text in the given scripts. */
    static double units(Structure structure, Set<String> scripts) {
        return structure.scripts().entrySet().stream().filter(e -> scripts.contains(e.getKey()))
                .mapToDouble(e -> unit(e.getKey(), e.getValue())).sum();
    }

    static double units(Structure structure) {
        return structure.scripts().entrySet().stream().mapToDouble(e -> unit(e.getKey(), e.getValue())).sum();
    }

    /** The script with the most text, for messages. */
    static String dominant(Structure structure) {
        return structure.scripts().entrySet().stream()
                .max((a, b) -> Double.compare(unit(a.getKey(), a.getValue()), unit(b.getKey(), b.getValue())))
                .map(Map.Entry::getKey).orElse("none");
    }

    /** A guess at a language from its script, for a repository that does not say its default. */
    static String languageWrittenIn(String script) {
        return switch (script) {
            case "HAN" -> "zh";
            case "HIRAGANA", "KATAKANA" -> "ja";
            case "HANGUL" -> "ko";
            case "CYRILLIC" -> "ru";
            case "GREEK" -> "el";
            case "ARABIC" -> "ar";
            case "HEBREW" -> "he";
            default -> "en";
        };
    }

    static String primary(String language) {
        int dash = language.indexOf('-');
        return dash < 0 ? language : language.substring(0, dash);
    }

    private static double unit(String script, int letters) {
        return CHARACTER_SCRIPTS.contains(script) ? letters : letters / 5.0;
    }

    private Scripts() {}
}
