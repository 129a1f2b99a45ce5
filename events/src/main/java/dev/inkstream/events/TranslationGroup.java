package dev.inkstream.events;

import java.util.List;
import java.util.Map;

/**
 * The documents that translate each other, keyed {@code repo:translationKey}. Minimal for now:
 * members by language and findings; per-language status grows with the translation checks.
 */
public record TranslationGroup(
        int schemaVersion,
        String repo,
        String translationKey,
        Map<String, String> membersByLanguage,
        Map<String, String> statusByLanguage,
        List<Diagnostic> findings) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    public TranslationGroup {
        membersByLanguage = Map.copyOf(membersByLanguage);
        statusByLanguage = statusByLanguage == null ? Map.of() : Map.copyOf(statusByLanguage);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
