package dev.inkstream.render.translation;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the amount and script of a text say: a translation much shorter or longer than its
 * source (counted per script: Chinese characters against English words), a translation still in
 * the source's script, a file not in the script of the language it claims.
 */
final class TextChecks {

    /** A translation's length over the expected length, outside of which something is likely missing or added. */
    static final double SHORTEST = 0.5;
    static final double LONGEST = 2.0;
    /** Below this share of its language's script, a text is not in that language. */
    static final double OWN_SCRIPT_MINIMUM = 0.3;

    static List<Diagnostic> compare(RenderedDocument source, String sourceLanguage, RenderedDocument translation, String language) {
        List<Diagnostic> findings = new ArrayList<>();
        Structure original = source.structure();
        Structure translated = translation.structure();
        if (original == null || translated == null) {
            return findings;
        }
        boolean sameScript = Scripts.of(language).equals(Scripts.of(sourceLanguage));
        double units = Scripts.units(translated);
        double own = Scripts.units(translated, Scripts.of(language));
        if (!sameScript && units >= TranslationChecks.SCRIPT_FLOOR && own / units < OWN_SCRIPT_MINIMUM) {
            double sourceScript = Scripts.units(translated, Scripts.of(sourceLanguage)) / units;
            if (sourceScript > 0.5) {
                findings.add(Diagnostic.warning("untranslated", percent(sourceScript) + " of the text is in "
                        + name(Scripts.of(sourceLanguage)) + " like the source; only " + percent(own / units) + " is "
                        + name(Scripts.of(language)) + " as " + language + " is written"));
                return findings;
            }
        }
        findings.addAll(wrongLanguage(translation, language));
        if (original.words() >= TranslationChecks.LENGTH_FLOOR) {
            double expected = original.words() * Scripts.wordsPerEnglishWord(language) / Scripts.wordsPerEnglishWord(sourceLanguage);
            double ratio = translated.words() / expected;
            if (ratio < SHORTEST || ratio > LONGEST) {
                findings.add(Diagnostic.warning("length-ratio", String.format(Locale.ROOT,
                        "%d words here against %d in the source: %.2f of the length a %s translation usually has%s",
                        translated.words(), original.words(), ratio, language,
                        ratio < SHORTEST ? "; parts may be missing" : "; parts may have been added")));
            }
        }
        return findings;
    }

    /** A file whose text is mostly in a script its claimed language is not written in. */
    static List<Diagnostic> wrongLanguage(RenderedDocument doc, String language) {
        Structure structure = doc.structure();
        if (structure == null) {
            return List.of();
        }
        double units = Scripts.units(structure);
        double own = Scripts.units(structure, Scripts.of(language));
        if (units < TranslationChecks.SCRIPT_FLOOR || own / units >= OWN_SCRIPT_MINIMUM) {
            return List.of();
        }
        String dominant = Scripts.dominant(structure);
        return List.of(Diagnostic.warning("wrong-language", "the text is mostly " + dominant + " (" + percent(
                Scripts.units(structure, Set.of(dominant)) / units) + "), not " + name(Scripts.of(language)) + " as "
                + language + " is written; is the language in the file name or front matter right?").withPath(doc.path()));
    }

    private static String name(Set<String> scripts) {
        return String.join("/", scripts.stream().sorted().toList());
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private TextChecks() {}
}
