package dev.inkstream.render.translation;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.Diagnostic.Severity;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.TranslationGroup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one translation group as a pure function: the members (rendered documents with
 * one translation key) and what the repository says → a {@link TranslationGroup} with a status
 * per language and findings naming the member they concern.
 */
public final class TranslationChecks {

    public static final String OK = "ok";
    public static final String MISSING = "missing";
    public static final String STALE = "stale";
    public static final String DRIFTED = "drifted";
    public static final String ONLY = "only";

    /** Below this many words in the source, lengths say too little to compare. */
    static final int LENGTH_FLOOR = 80;
    /** Below this many words of text, a script share says too little about the language. */
    static final int SCRIPT_FLOOR = 30;

    public static TranslationGroup check(RepositoryView repo, String translationKey, Collection<RenderedDocument> documents) {
        List<RenderedDocument> sorted = documents.stream().sorted(Comparator.comparing(RenderedDocument::path)).toList();
        List<Diagnostic> findings = new ArrayList<>();
        Map<String, RenderedDocument> byLanguage = new TreeMap<>();
        for (RenderedDocument doc : sorted) {
            String language = languageOf(doc, repo.defaultLanguage());
            RenderedDocument first = byLanguage.putIfAbsent(language, doc);
            if (first != null) {
                findings.add(Diagnostic.warning("duplicate-translation", "both " + first.path() + " and " + doc.path()
                        + " claim to be the " + language + " version of '" + translationKey
                        + "'; both are published, pick one and rename or delete the other").withPath(doc.path()));
            }
        }

        RenderedDocument source = byLanguage.get(repo.defaultLanguage());
        Map<String, String> status = new TreeMap<>();
        if (source == null) {
            for (RenderedDocument only : byLanguage.values()) {
                status.put(languageOf(only, repo.defaultLanguage()), ONLY);
                findings.add(Diagnostic.info("translation-only", "no " + repo.defaultLanguage() + " source for this "
                        + languageOf(only, repo.defaultLanguage()) + " page; it is published in its own language only")
                        .withPath(only.path()));
            }
            NearMisses.forTranslationOnly(repo, translationKey, byLanguage).forEach(findings::add);
        } else {
            status.put(repo.defaultLanguage(), OK);
            findings.addAll(TextChecks.wrongLanguage(source, repo.defaultLanguage()));
            for (var entry : byLanguage.entrySet()) {
                if (!entry.getValue().equals(source)) {
                    List<Diagnostic> about = compare(repo, source, entry.getValue(), entry.getKey());
                    findings.addAll(about);
                    status.put(entry.getKey(), statusOf(about));
                }
            }
            for (String language : repo.languages()) {
                if (!byLanguage.containsKey(language)) {
                    status.put(language, MISSING);
                    findings.add(new Diagnostic(repo.settings().missingSeverity(), "missing-translation",
                            "no " + language + " translation of " + source.path(), null, null, source.path(), null));
                }
            }
        }

        Map<String, String> paths = new TreeMap<>();
        Map<String, TranslationGroup.Member> members = new TreeMap<>();
        byLanguage.forEach((language, doc) -> {
            paths.put(language, doc.path());
            members.put(language, new TranslationGroup.Member(doc.path(), doc.url(), doc.title(), lastChange(doc)));
        });
        return new TranslationGroup(TranslationGroup.SCHEMA_VERSION, repo.repo(), translationKey, paths, status, findings,
                repo.defaultLanguage(), members, repo.convention());
    }

    /** A document's language: what its name or front matter says, else the repository's default. */
    public static String languageOf(RenderedDocument doc, String defaultLanguage) {
        return doc.language() == null ? defaultLanguage : doc.language();
    }

    private static List<Diagnostic> compare(RepositoryView repo, RenderedDocument source, RenderedDocument translation,
                                            String language) {
        List<Diagnostic> findings = new ArrayList<>();
        Staleness.check(repo.settings().ignoreCommitPatterns(), source, translation).ifPresent(findings::add);
        if (source.structure() != null && translation.structure() != null) {
            findings.addAll(StructureDrift.compare(source.structure(), translation.structure()));
            findings.addAll(TextChecks.compare(source, repo.defaultLanguage(), translation, language));
        }
        findings.addAll(frontMatter(repo.settings().mustAgree(), source, translation));
        return findings.stream().map(d -> d.path() == null ? d.withPath(translation.path()) : d).toList();
    }

    private static String statusOf(List<Diagnostic> findings) {
        if (findings.stream().anyMatch(d -> d.code().equals("stale-translation"))) {
            return STALE;
        }
        return findings.stream().anyMatch(d -> d.atLeast(Severity.WARNING)) ? DRIFTED : OK;
    }

    private static List<Diagnostic> frontMatter(List<String> mustAgree, RenderedDocument source, RenderedDocument translation) {
        List<Diagnostic> findings = new ArrayList<>();
        for (String field : mustAgree) {
            Object expected;
            Object actual;
            switch (field) {
                case "date" -> {
                    // A date taken from the commit says when the file was written, not the post's date.
                    if (dateFromGit(source) || dateFromGit(translation)) {
                        continue;
                    }
                    expected = day(source.date());
                    actual = day(translation.date());
                }
                case "tags" -> {
                    expected = Set.copyOf(source.tags());
                    actual = Set.copyOf(translation.tags());
                }
                case "draft" -> {
                    expected = source.draft();
                    actual = translation.draft();
                }
                default -> {
                    expected = source.params().get(field);
                    actual = translation.params().get(field);
                }
            }
            if (!Objects.equals(expected, actual)) {
                findings.add(Diagnostic.warning("front-matter-mismatch", "front matter '" + field + "' is " + show(actual)
                        + " here but " + show(expected) + " in " + source.path()));
            }
        }
        return findings;
    }

    private static boolean dateFromGit(RenderedDocument doc) {
        return doc.date() == null || doc.history().stream().anyMatch(c -> c.time().equals(doc.date()));
    }

    private static @Nullable Object day(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String show(@Nullable Object value) {
        if (value == null) {
            return "absent";
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(Object::toString).sorted().collect(Collectors.joining(", ", "[", "]"));
        }
        return "'" + value + "'";
    }

    static @Nullable Instant lastChange(RenderedDocument doc) {
        return doc.history().isEmpty() ? doc.lastmod() : doc.history().getFirst().time();
    }

    private TranslationChecks() {}
}
