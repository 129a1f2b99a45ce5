package dev.inkstream.events;

import org.jspecify.annotations.Nullable;

/**
 * Something an author should know about a document. {@code code} values are part of the JSON
 * contract (stable, kebab-case); {@code line} and {@code column} are 1-based when known.
 *
 * @param path       the repository path the finding is about, when it is not the document that
 *                   carries it (a translation finding names the member it concerns)
 * @param suggestion what the author could do about it, when we know (the repaired text, the
 *                   rename that would pair two files, …)
 */
public record Diagnostic(
        Severity severity,
        String code,
        String message,
        @Nullable Integer line,
        @Nullable Integer column,
        @Nullable String path,
        @Nullable String suggestion) {

    public enum Severity { INFO, WARNING, ERROR }

    /** A finding about the document that carries it, with no suggestion. */
    public Diagnostic(Severity severity, String code, String message, @Nullable Integer line, @Nullable Integer column) {
        this(severity, code, message, line, column, null, null);
    }

    public static Diagnostic error(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, null, null);
    }

    public static Diagnostic warning(String code, String message) {
        return new Diagnostic(Severity.WARNING, code, message, null, null);
    }

    public static Diagnostic info(String code, String message) {
        return new Diagnostic(Severity.INFO, code, message, null, null);
    }

    public static Diagnostic at(Severity severity, String code, String message, int line, int column) {
        return new Diagnostic(severity, code, message, line, column);
    }

    public Diagnostic withPath(String path) {
        return new Diagnostic(severity, code, message, line, column, path, suggestion);
    }

    public Diagnostic withSuggestion(String suggestion) {
        return new Diagnostic(severity, code, message, line, column, path, suggestion);
    }

    public boolean atLeast(Severity threshold) {
        return severity.compareTo(threshold) >= 0;
    }
}
