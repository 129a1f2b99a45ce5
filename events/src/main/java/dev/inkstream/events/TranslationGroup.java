package dev.inkstream.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The documents that translate each other, keyed {@code repo:translationKey}; a tombstone when
 * the group lost its last member (its source was renamed or deleted).
 *
 * @param membersByLanguage BCP 47 code → repository path, one per language
 * @param statusByLanguage  BCP 47 code → {@code ok}, {@code missing}, {@code stale}, {@code drifted}
 *                          or {@code only} (a translation with no source)
 * @param findings          what authors should know, each naming the member it concerns in
 *                          {@link Diagnostic#path()}; codes are part of the contract
 * @param defaultLanguage   the repository's default language, the one sources are written in
 * @param members           BCP 47 code → the member's path, URL, title and last change
 * @param convention        how the repository names translations, as detected or configured:
 *                          {@code suffix}, {@code directory}, {@code front-matter}, {@code mixed}
 *                          or {@code none}
 */
public record TranslationGroup(
        int schemaVersion,
        String repo,
        String translationKey,
        Map<String, String> membersByLanguage,
        Map<String, String> statusByLanguage,
        List<Diagnostic> findings,
        @Nullable String defaultLanguage,
        Map<String, Member> members,
        @Nullable String convention) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    public TranslationGroup {
        membersByLanguage = Map.copyOf(membersByLanguage);
        statusByLanguage = statusByLanguage == null ? Map.of() : Map.copyOf(statusByLanguage);
        findings = findings == null ? List.of() : List.copyOf(findings);
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    /** The first shape: members and findings only. */
    public TranslationGroup(int schemaVersion, String repo, String translationKey, Map<String, String> membersByLanguage,
                            Map<String, String> statusByLanguage, List<Diagnostic> findings) {
        this(schemaVersion, repo, translationKey, membersByLanguage, statusByLanguage, findings, null, Map.of(), null);
    }

    /** One document of the group, as the dashboard links to it. */
    public record Member(String path, String url, String title, @Nullable Instant lastChange) {}
}
