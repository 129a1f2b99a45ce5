package dev.inkstream.render.translation;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.RenderedDocument;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A translation is stale when its source received commits after the translation last changed,
 * not counting commits whose subject says they need no translation ({@code typo},
 * {@code [skip-i18n]}, as configured). Both histories come from ingest, newest first.
 */
final class Staleness {

    static Optional<Diagnostic> check(List<String> ignoreCommitPatterns, RenderedDocument source, RenderedDocument translation) {
        Instant translated = TranslationChecks.lastChange(translation);
        if (translated == null || source.history().isEmpty()) {
            return Optional.empty();
        }
        List<Pattern> ignored = ignoreCommitPatterns.stream().map(Staleness::pattern).toList();
        List<CommitInfo> since = source.history().stream()
                .filter(c -> c.time().isAfter(translated))
                .filter(c -> ignored.stream().noneMatch(p -> p.matcher(c.subject()).find()))
                .toList();
        if (since.isEmpty()) {
            return Optional.empty();
        }
        String commits = since.stream().map(c -> day(c.time()) + " \"" + c.subject() + "\"").collect(Collectors.joining(", "));
        Diagnostic stale = Diagnostic.warning("stale-translation", source.path() + " changed in " + since.size()
                + (since.size() == 1 ? " commit" : " commits") + " after this translation last did (" + day(translated)
                + "): " + commits);
        String from = translation.history().isEmpty() ? null : translation.history().getFirst().id();
        return Optional.of(from == null ? stale
                : stale.withSuggestion("git diff " + abbreviate(from) + ".." + abbreviate(since.getFirst().id()) + " -- " + source.path()));
    }

    /** An author's pattern that is no regular expression still means its text: {@code [skip-i18n} matches itself. */
    static Pattern pattern(String written) {
        try {
            return Pattern.compile(written);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(written));
        }
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private Staleness() {}
}
