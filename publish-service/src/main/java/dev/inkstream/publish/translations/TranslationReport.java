package dev.inkstream.publish.translations;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.TranslationGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The translation report of one repository, the shape of {@code /_status/translations.json} and
 * of {@code inkstream check --format json}: how the repository was understood (default language,
 * languages, convention), status counts per language, and every group with its members and
 * findings. Field names are part of the contract.
 */
public record TranslationReport(
        String repo,
        @Nullable String defaultLanguage,
        List<String> languages,
        @Nullable String convention,
        Map<String, Map<String, Integer>> counts,
        List<Group> groups) {

    public record Group(String key, Map<String, Member> members, Map<String, String> status, List<Finding> findings) {}

    public record Member(String path, String url, String title, @Nullable Instant lastChange) {}

    /** @param language the language of the member the finding is about */
    public record Finding(String code, String severity, @Nullable String language, @Nullable String path,
                          @Nullable Integer line, String message, @Nullable String suggestion) {}

    /** The report of a repository's groups; groups sorted by key, languages default first. */
    public static TranslationReport of(String repo, Collection<TranslationGroup> groups) {
        return of(repo, groups, TranslationReport::part);
    }

    /**
     * The same, with each group's part of the report from {@code partOf}: a dashboard made again
     * after an edit keeps the parts of the groups that did not change ({@link #part} makes one).
     */
    public static TranslationReport of(String repo, Collection<TranslationGroup> groups,
                                       Function<TranslationGroup, Group> partOf) {
        List<TranslationGroup> sorted = groups.stream().filter(g -> g.repo().equals(repo))
                .sorted(Comparator.comparing(TranslationGroup::translationKey)).toList();
        String defaultLanguage = sorted.stream().map(TranslationGroup::defaultLanguage).filter(l -> l != null)
                .findFirst().orElse(null);
        String convention = sorted.stream().map(TranslationGroup::convention).filter(c -> c != null).findFirst().orElse(null);
        Set<String> languages = new LinkedHashSet<>();
        if (defaultLanguage != null) {
            languages.add(defaultLanguage);
        }
        sorted.stream().flatMap(g -> g.statusByLanguage().keySet().stream()).sorted().forEach(languages::add);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        languages.forEach(l -> counts.put(l, new TreeMap<>()));
        List<Group> reported = new ArrayList<>();
        for (TranslationGroup group : sorted) {
            group.statusByLanguage().forEach((language, status) -> counts.get(language).merge(status, 1, Integer::sum));
            reported.add(partOf.apply(group));
        }
        return new TranslationReport(repo, defaultLanguage, List.copyOf(languages), convention, counts, reported);
    }

    /** A group's part of the report. */
    public static Group part(TranslationGroup group) {
        Map<String, Member> members = new TreeMap<>();
        group.members().forEach((language, m) -> members.put(language, new Member(m.path(), m.url(), m.title(), m.lastChange())));
        // Groups from before members carried URLs still name their paths.
        group.membersByLanguage().forEach((language, path) -> members.putIfAbsent(language, new Member(path, "", path, null)));
        List<Finding> findings = group.findings().stream().map(d -> finding(group, d)).toList();
        return new Group(group.translationKey(), members, new TreeMap<>(group.statusByLanguage()), findings);
    }

    private static Finding finding(TranslationGroup group, Diagnostic d) {
        String language = group.membersByLanguage().entrySet().stream().filter(e -> e.getValue().equals(d.path()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        return new Finding(d.code(), d.severity().name().toLowerCase(Locale.ROOT), language, d.path(), d.line(), d.message(),
                d.suggestion());
    }

    public int findingCount() {
        return groups.stream().mapToInt(g -> g.findings().size()).sum();
    }
}
