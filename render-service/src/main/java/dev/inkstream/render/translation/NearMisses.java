package dev.inkstream.render.translation;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.RenderedDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A translation with no source whose key almost matches a source that lacks its language
 * ({@code …/kubelet-memory-pressure_zh.md} beside {@code …/kubelet-and-memory-pressure.md}):
 * most likely a pair whose names drifted apart, so the finding names the rename that pairs them.
 */
public final class NearMisses {

    /** Names closer than this (edit distance over length) are a near miss. */
    static final double MAX_DISTANCE = 0.25;
    /** Or names sharing this share of their words. */
    static final double MIN_WORD_OVERLAP = 0.7;

    static List<Diagnostic> forTranslationOnly(RepositoryView repo, String key, Map<String, RenderedDocument> byLanguage) {
        List<Diagnostic> findings = new ArrayList<>();
        byLanguage.forEach((language, translation) -> partner(repo, key, language).ifPresent(partner -> findings.add(
                Diagnostic.warning("near-miss-pair", "no source named '" + key + "', but '" + partner
                                + "' has no " + language + " translation and a name this close: likely the same post")
                        .withPath(translation.path())
                        .withSuggestion("git mv " + translation.path() + " " + renamed(translation.path(), key, partner)))));
        return findings;
    }

    /** Keys this key would pair with if it were renamed, best first: those lacking {@code language} with a default-language member. */
    static Optional<String> partner(RepositoryView repo, String key, String language) {
        return repo.languagesByKey().entrySet().stream()
                .filter(e -> !e.getKey().equals(key))
                .filter(e -> e.getValue().contains(repo.defaultLanguage()) && !e.getValue().contains(language))
                .filter(e -> close(key, e.getKey()))
                .map(Map.Entry::getKey)
                .min(Comparator.comparingDouble((String k) -> distance(key, k)).thenComparing(k -> k));
    }

    /** Whether two translation keys are probably the same name, slightly changed. */
    static boolean close(String a, String b) {
        String folderA = a.contains("/") ? a.substring(0, a.lastIndexOf('/')) : "";
        String folderB = b.contains("/") ? b.substring(0, b.lastIndexOf('/')) : "";
        String nameA = a.substring(folderA.length());
        String nameB = b.substring(folderB.length());
        if (!folderA.equals(folderB) && !nameA.equals(nameB)) {
            // Dated folders that differ by a day or two are common; different names in different folders are not a pair.
            if (!within(folderA, folderB)) {
                return false;
            }
        }
        return within(nameA, nameB) || overlap(nameA, nameB) >= MIN_WORD_OVERLAP;
    }

    /**
     * {@code distance(a, b) <= MAX_DISTANCE}, without computing a distance that is too large:
     * every translation-only page is compared with every key of its repository, so most pairs
     * are far apart, and a bounded Levenshtein (or their lengths alone) says so at a fraction of
     * the cost.
     */
    static boolean within(String a, String b) {
        int max = Math.max(a.length(), b.length());
        // distance <= MAX_DISTANCE exactly when the edits are at most floor(MAX_DISTANCE * max).
        int allowed = (int) Math.floor(MAX_DISTANCE * max);
        return Math.abs(a.length() - b.length()) <= allowed && new LevenshteinDistance(allowed).apply(a, b) >= 0;
    }

    static double distance(String a, String b) {
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 0 : (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / max;
    }

    private static double overlap(String a, String b) {
        Set<String> wordsA = words(a);
        Set<String> wordsB = words(b);
        Set<String> common = new HashSet<>(wordsA);
        common.retainAll(wordsB);
        int smaller = Math.min(wordsA.size(), wordsB.size());
        // Two-word names share too little to tell; one shared word in three is chance.
        return smaller < 3 ? 0 : (double) common.size() / Math.max(wordsA.size(), wordsB.size());
    }

    private static Set<String> words(String name) {
        return new HashSet<>(Arrays.asList(name.toLowerCase().replace("/", "").split("[-_. ]+")));
    }

    /**
     * The translation's path with its key replaced by the partner's, keeping its language marker:
     * {@code a/old_zh.md} → {@code a/new_zh.md}, {@code content/zh/old.md} → {@code content/zh/new.md}.
     */
    static String renamed(String path, String key, String partner) {
        if (path.startsWith(key)) {
            return partner + path.substring(key.length());
        }
        int at = path.lastIndexOf(key);
        return at < 0 ? path : path.substring(0, at) + partner + path.substring(at + key.length());
    }

    private NearMisses() {}
}
