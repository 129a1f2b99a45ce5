package dev.inkstream.render.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.SiteConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link NearMisses#partner} looks only at keys in folders near the searched one, skips names by
 * their letter counts and stops distances early. This checks it against the rule written out in
 * full: every key compared with every other.
 */
class NearMissesTest {

    private static final List<String> WORDS = List.of("why", "backpressure", "matters", "more", "than", "you", "think",
            "debugging", "cache", "invalidation", "in", "kafka", "rolling", "upgrades", "hugo", "revisited", "notes",
            "on", "gpu", "sharing", "kubelet", "memory", "pressure", "a", "tour", "of", "flexmark", "数据", "缓存");

    @Test
    void findsThePartnerEveryKeyComparedWithEveryOtherWouldFind() {
        Random random = new Random(11);
        Map<String, Set<String>> languagesByKey = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String key = folder(random) + "/" + slug(random);
            if (random.nextInt(5) == 0 && !keys.isEmpty()) {
                // A drifted copy of an earlier key: a word dropped or a letter changed, maybe a day later.
                key = drifted(keys.get(random.nextInt(keys.size())), random);
            }
            keys.add(key);
            Set<String> languages = languagesByKey.computeIfAbsent(key, k -> new TreeSet<>());
            languages.add(random.nextInt(6) == 0 ? "zh" : "en");
            if (random.nextInt(3) == 0) {
                languages.add("zh");
            }
        }
        Set<String> generated = Set.copyOf(languagesByKey.keySet());
        for (int i = 0; i < 60; i++) {
            // Equally near partners a day either side (the first by name must win), and one moved far away under the same name.
            // A third are 49 characters long, where a distance of 1/49 times 49 rounds below 1.
            String name = i % 3 == 0 ? "%-32s".formatted("tie-" + i).replace(' ', 'q') : slug(random) + "-" + i;
            String month = "posts/2020-%02d-".formatted(1 + i % 12);
            int day = 11 + i % 8;
            languagesByKey.put(month + day + "/" + name, new TreeSet<>(Set.of("zh")));
            languagesByKey.put(month + (day - 1) + "/" + name, new TreeSet<>(Set.of("en")));
            languagesByKey.put(month + (day + 1) + "/" + name, new TreeSet<>(Set.of("en")));
            languagesByKey.put("drafts/moved-" + i + "-" + name, new TreeSet<>(Set.of("zh")));
            languagesByKey.put("posts/2021-06-06/moved-" + i + "-" + name, new TreeSet<>(Set.of("en")));
        }
        RepositoryView view = new RepositoryView("blog", SiteConfig.Translations.DEFAULTS, "en", List.of("en", "zh"),
                "suffix", languagesByKey);

        int foundAmongGenerated = 0;
        for (var entry : languagesByKey.entrySet()) {
            if (entry.getValue().contains("en")) {
                continue;
            }
            Optional<String> expected = everyKeyCompared(languagesByKey, entry.getKey(), "zh");
            assertThat(NearMisses.partner(view, entry.getKey(), "zh")).as(entry.getKey()).isEqualTo(expected);
            foundAmongGenerated += expected.isPresent() && generated.contains(entry.getKey()) ? 1 : 0;
        }
        // The generated keys must exercise the search too, not only the hand-made cases: many with a partner.
        assertThat(foundAmongGenerated).isGreaterThan(30);
    }

    @Test
    void theBoundedDistanceCheckAgreesWithTheDistanceOnEveryPair() {
        Random random = new Random(7);
        String alphabet = "ab-c/0";
        for (int i = 0; i < 20_000; i++) {
            String a = randomName(random, alphabet);
            String b = random.nextInt(3) == 0 ? a : randomName(random, alphabet);
            if (random.nextBoolean() && !a.isEmpty()) {
                // A near neighbour: one or two characters changed.
                char[] chars = a.toCharArray();
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                b = new String(chars) + (random.nextBoolean() ? "" : "x");
            }
            assertThat(NearMisses.within(a, b)).as("%s vs %s", a, b)
                    .isEqualTo(NearMisses.distance(a, b) <= NearMisses.MAX_DISTANCE);
        }
    }

    private static String randomName(Random random, String alphabet) {
        StringBuilder name = new StringBuilder();
        int length = random.nextInt(14);
        for (int i = 0; i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    @Test
    void letterCountsNeverSayMoreThanTheEditDistance() {
        Random random = new Random(5);
        String alphabet = "abcxyz-09数据缓存\uD83D\uDE00";
        for (int i = 0; i < 20_000; i++) {
            String a = randomName(random, alphabet);
            String b = random.nextBoolean() ? randomName(random, alphabet) : edited(a, random, alphabet);
            int edits = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(a, b);
            assertThat(NearMisses.letterDistance(NearMisses.letters(a), NearMisses.letters(b))).as("%s vs %s", a, b)
                    .isLessThanOrEqualTo(edits);
        }
        // And it is not trivially zero: far names are told apart by it.
        assertThat(NearMisses.letterDistance(NearMisses.letters("/kubelet-memory"), NearMisses.letters("/gpu-sharing-x")))
                .isGreaterThan(3);
    }

    /** {@code a} with one or two characters changed, added or removed. */
    private static String edited(String a, Random random, String alphabet) {
        StringBuilder s = new StringBuilder(a);
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            int edit = s.isEmpty() ? 0 : random.nextInt(3);
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (edit) {
                case 0 -> s.insert(at, c);
                case 1 -> s.deleteCharAt(at);
                default -> s.setCharAt(at, c);
            }
        }
        return s.toString();
    }

    /** The rule of {@link NearMisses}, written out: same folder, same name or near folders; near names or shared words. */
    private static Optional<String> everyKeyCompared(Map<String, Set<String>> languagesByKey, String key, String language) {
        return languagesByKey.entrySet().stream()
                .filter(e -> e.getValue().contains("en") && !e.getValue().contains(language) && !e.getKey().equals(key))
                .map(Map.Entry::getKey)
                .filter(other -> close(key, other))
                .min(Comparator.comparingDouble((String other) -> NearMisses.distance(key, other))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private static boolean close(String a, String b) {
        String folderA = a.substring(0, a.lastIndexOf('/'));
        String folderB = b.substring(0, b.lastIndexOf('/'));
        String nameA = a.substring(folderA.length());
        String nameB = b.substring(folderB.length());
        boolean folders = folderA.equals(folderB) || nameA.equals(nameB)
                || NearMisses.distance(folderA, folderB) <= NearMisses.MAX_DISTANCE;
        return folders && (NearMisses.distance(nameA, nameB) <= NearMisses.MAX_DISTANCE
                || sharedWords(nameA, nameB) >= NearMisses.MIN_WORD_OVERLAP);
    }

    private static double sharedWords(String a, String b) {
        Set<String> wordsA = new HashSet<>(Arrays.asList(a.toLowerCase().replace("/", "").split("[-_. ]+")));
        Set<String> wordsB = new HashSet<>(Arrays.asList(b.toLowerCase().replace("/", "").split("[-_. ]+")));
        if (Math.min(wordsA.size(), wordsB.size()) < 3) {
            return 0;
        }
        Set<String> common = new HashSet<>(wordsA);
        common.retainAll(wordsB);
        return (double) common.size() / Math.max(wordsA.size(), wordsB.size());
    }

    private static String folder(Random random) {
        return random.nextInt(10) == 0 ? "notes" : "posts/20%02d-%02d-%02d".formatted(19 + random.nextInt(3),
                1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private static String slug(Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 2 + random.nextInt(6); i > 0; i--) {
            words.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join("-", words);
    }

    private static String drifted(String key, Random random) {
        String folder = key.substring(0, key.lastIndexOf('/'));
        String name = key.substring(folder.length() + 1);
        if (random.nextBoolean() && folder.startsWith("posts/")) {
            int day = Integer.parseInt(folder.substring(folder.length() - 2));
            folder = folder.substring(0, folder.length() - 2) + "%02d".formatted(day % 28 + 1);
        }
        char[] chars = name.toCharArray();
        chars[random.nextInt(chars.length)] = 'x';
        return folder + "/" + (random.nextBoolean() ? new String(chars) : name.replaceFirst("-[^-]+$", ""));
    }
}
