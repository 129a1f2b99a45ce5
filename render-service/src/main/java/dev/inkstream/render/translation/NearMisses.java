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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
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

    /**
     * The key this key would pair with if it were renamed: of the keys with a default-language
     * member that lack {@code language}, those that are probably the same name slightly changed,
     * the nearest by {@link #distance} (then the first by name). Probably the same name: in the
     * same folder, of the same name, or in a folder within {@link #MAX_DISTANCE} (dated folders a
     * day or two apart are common; different names in different folders are not a pair); and a
     * name within {@link #MAX_DISTANCE} or sharing {@link #MIN_WORD_OVERLAP} of its words.
     */
    static Optional<String> partner(RepositoryView repo, String key, String language) {
        Name name = Name.of(key);
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Name candidate : candidates(repo).near(name)) {
            if (candidate.key().equals(key) || candidate.languages().contains(language) || !closeNames(name, candidate)) {
                continue;
            }
            // Generated and templated titles make many close names; only one nearer than the best so far needs its distance.
            double distance = best == null ? distance(key, candidate.key()) : distanceAtMost(key, candidate.key(), bestDistance);
            if (distance < bestDistance || distance == bestDistance && candidate.key().compareTo(best) < 0) {
                best = candidate.key();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A translation key taken apart once: every translation-only group of a re-check searches
     * every key of the same view, and splitting each key again for each of them was most of the
     * translation checks' CPU while a first import's translations waited for their sources.
     *
     * @param languages the key's languages; empty for the key being searched for
     */
    private record Name(String key, Set<String> languages, String folder, String name, Set<String> words, int[] letters) {

        static Name of(String key) {
            return of(key, Set.of());
        }

        static Name of(String key, Set<String> languages) {
            String folder = key.contains("/") ? key.substring(0, key.lastIndexOf('/')) : "";
            String name = key.substring(folder.length());
            return new Name(key, languages, folder, name, NearMisses.words(name), NearMisses.letters(name));
        }

        /**
         * Whether this name is within {@link #MAX_DISTANCE} of {@code other}'s. Most names a search
         * meets are far apart; their letter counts (a lower bound of the edit distance) say so
         * without the distance, which was most of a re-check's time.
         */
        boolean nameWithin(Name other) {
            return letterDistance(letters, other.letters) <= allowedEdits(name, other.name) && within(name, other.name);
        }
    }

    /** Enough buckets that the letters, digits and dashes of a slug rarely share one; few enough to compare quickly. */
    private static final int LETTER_BUCKETS = 64;

    /** How often each character occurs, characters folded into {@link #LETTER_BUCKETS} buckets. */
    static int[] letters(String name) {
        int[] counts = new int[LETTER_BUCKETS];
        for (int i = 0; i < name.length(); i++) {
            counts[name.charAt(i) % LETTER_BUCKETS]++;
        }
        return counts;
    }

    /**
     * A lower bound of the edit distance of two strings from their letter counts: each edit adds,
     * removes or changes one character, so it changes at most one count up and one down. Folding
     * characters together can only hide differences, so the bound holds for the buckets too.
     */
    static int letterDistance(int[] a, int[] b) {
        int more = 0;
        int fewer = 0;
        for (int i = 0; i < a.length; i++) {
            int difference = a[i] - b[i];
            if (difference > 0) {
                more += difference;
            } else {
                fewer -= difference;
            }
        }
        return Math.max(more, fewer);
    }

    /**
     * The keys of one view with a default-language member, by folder and by name, so that a
     * search looks only at keys whose folder can pass the rule of {@link #partner}: every
     * translation-only group of a re-check searches the same view, and while a first import's
     * translations wait for their sources there are thousands of them. Which folders are near a
     * folder is worked out once per view and folder.
     */
    private record Candidates(RepositoryView view, Map<String, List<Name>> byFolder, Map<String, List<Name>> byName,
                              Map<String, Set<String>> foldersNear) {

        static Candidates of(RepositoryView repo) {
            Map<String, List<Name>> byFolder = new HashMap<>();
            Map<String, List<Name>> byName = new HashMap<>();
            repo.languagesByKey().forEach((key, languages) -> {
                if (languages.contains(repo.defaultLanguage())) {
                    Name name = Name.of(key, languages);
                    byFolder.computeIfAbsent(name.folder(), f -> new ArrayList<>()).add(name);
                    byName.computeIfAbsent(name.name(), n -> new ArrayList<>()).add(name);
                }
            });
            return new Candidates(repo, byFolder, byName, new ConcurrentHashMap<>());
        }

        /** The keys in the same folder, in a folder near it, or of the same name in any folder. */
        List<Name> near(Name name) {
            Set<String> folders = foldersNear.computeIfAbsent(name.folder(), folder -> byFolder.keySet().stream()
                    .filter(other -> other.equals(folder) || within(folder, other)).collect(Collectors.toSet()));
            List<Name> near = new ArrayList<>();
            for (String folder : folders) {
                near.addAll(byFolder.get(folder));
            }
            for (Name sameName : byName.getOrDefault(name.name(), List.of())) {
                if (!folders.contains(sameName.folder())) {
                    near.add(sameName);
                }
            }
            return near;
        }
    }

    /** The candidates of the last view searched, compared by identity: a re-check checks many groups against one view. */
    private static final AtomicReference<Candidates> LAST = new AtomicReference<>();

    private static Candidates candidates(RepositoryView repo) {
        Candidates last = LAST.get();
        if (last != null && last.view() == repo) {
            return last;
        }
        Candidates candidates = Candidates.of(repo);
        LAST.set(candidates);
        return candidates;
    }

    /** The half of the rule that compares names: close by edit distance, or sharing most words. */
    private static boolean closeNames(Name a, Name b) {
        return overlap(a.words(), b.words()) >= MIN_WORD_OVERLAP || a.nameWithin(b);
    }

    /**
     * {@code distance(a, b) <= MAX_DISTANCE}, without computing a distance that is too large:
     * a translation-only page is compared with many keys of its repository, most of them far
     * apart, and a bounded Levenshtein (or their lengths alone) says so at a fraction of the cost.
     */
    static boolean within(String a, String b) {
        int allowed = allowedEdits(a, b);
        return Math.abs(a.length() - b.length()) <= allowed && new LevenshteinDistance(allowed).apply(a, b) >= 0;
    }

    /** distance <= MAX_DISTANCE exactly when the edits are at most floor(MAX_DISTANCE * the longer length). */
    private static int allowedEdits(String a, String b) {
        return (int) Math.floor(MAX_DISTANCE * Math.max(a.length(), b.length()));
    }

    /** {@link #distance}, or infinity when it is more than {@code atMost}, found without the whole distance. */
    private static double distanceAtMost(String a, String b, double atMost) {
        int max = Math.max(a.length(), b.length());
        // Rounding must not drop a candidate exactly as near as the best: ties go to the first name.
        int edits = new LevenshteinDistance((int) Math.floor(atMost * max + 1e-9)).apply(a, b);
        return edits < 0 ? Double.POSITIVE_INFINITY : max == 0 ? 0 : (double) edits / max;
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
