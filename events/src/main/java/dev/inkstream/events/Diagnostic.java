package dev.inkstream.events;

import org.jspecify.annotations.Nullable;

/**
 * Something an author should know about a document. {@code code} values are part of the JSON
 * contract (stable, kebab-case); {@code line} and {@code column} are 1-based when known.
 */
public record Diagnostic(
        Severity severity,
        String code,
        String message,
        @Nullable Integer line,
        @Nullable Integer column) {

    public enum Severity { INFO, WARNING, ERROR }

    public static Diagnostic error(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, null, null);
    }

    public static Diagnostic warning(String code, String message) {
        return new Diagnostic(Severity.WARNING, code, message, null, null);
    }

    public static Diagnostic at(Severity severity, String code, String message, int line, int column) {
        return new Diagnostic(severity, code, message, line, column);
    }
}
