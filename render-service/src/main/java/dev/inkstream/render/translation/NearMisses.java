package dev.inkstream.render.translation;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.RenderedDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
        Name name = Name.of(key);
        // A key's folder is compared with each other folder once, not once per key in it.
        Map<String, Boolean> foldersWithin = new HashMap<>();
        return candidates(repo).stream()
                .filter(c -> !c.key().equals(key))
                .filter(c -> !c.languages().contains(language))
                .filter(c -> close(name, c, foldersWithin))
                // Each distance once: a comparator computing it would do so twice per comparison.
                .map(c -> Map.entry(c.key(), distance(key, c.key())))
                .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /**
     * A translation key taken apart once: every translation-only group of a re-check searches
     * every key of the same view, and splitting each key again for each of them was most of the
     * translation checks' CPU while a first import's translations waited for their sources.
     *
     * @param languages the key's languages; empty for the key being searched for
     */
    private record Name(String key, Set<String> languages, String folder, String name, Set<String> words) {

        static Name of(String key) {
            return of(key, Set.of());
        }

        static Name of(String key, Set<String> languages) {
            String folder = key.contains("/") ? key.substring(0, key.lastIndexOf('/')) : "";
            String name = key.substring(folder.length());
            return new Name(key, languages, folder, name, NearMisses.words(name));
        }
    }

    /** The view whose candidates {@link #LAST} holds, compared by identity: a re-check checks many groups against one view. */
    private record Candidates(RepositoryView view, List<Name> names) {}

    private static final AtomicReference<Candidates> LAST = new AtomicReference<>();

    /** The keys with a default-language member, taken apart, of {@code repo}. */
    private static List<Name> candidates(RepositoryView repo) {
        Candidates last = LAST.get();
        if (last != null && last.view() == repo) {
            return last.names();
        }
        List<Name> names = new ArrayList<>();
        repo.languagesByKey().forEach((key, languages) -> {
            if (languages.contains(repo.defaultLanguage())) {
                names.add(Name.of(key, languages));
            }
        });
        LAST.set(new Candidates(repo, List.copyOf(names)));
        return names;
    }

    /** Whether two translation keys are probably the same name, slightly changed. */
    static boolean close(String a, String b) {
        return close(Name.of(a), Name.of(b), new HashMap<>());
    }

    private static boolean close(Name a, Name b, Map<String, Boolean> foldersWithin) {
        if (!a.folder().equals(b.folder()) && !a.name().equals(b.name())) {
            // Dated folders that differ by a day or two are common; different names in different folders are not a pair.
            if (!foldersWithin.computeIfAbsent(b.folder(), folder -> within(a.folder(), folder))) {
                return false;
            }
        }
        return within(a.name(), b.name()) || overlap(a.words(), b.words()) >= MIN_WORD_OVERLAP;
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

    private static double overlap(Set<String> wordsA, Set<String> wordsB) {
        int smaller = Math.min(wordsA.size(), wordsB.size());
        // Two-word names share too little to tell; one shared word in three is chance.
        if (smaller < 3) {
            return 0;
        }
        int common = 0;
        for (String word : wordsA) {
            common += wordsB.contains(word) ? 1 : 0;
        }
        return (double) common / Math.max(wordsA.size(), wordsB.size());
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
