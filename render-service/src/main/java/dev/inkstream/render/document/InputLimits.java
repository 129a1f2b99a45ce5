package dev.inkstream.render.document;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What is measured before a document reaches the parser: its size and how deep it nests. Both
 * are linear scans, so a hostile document costs no more than reading it; one that fails them is
 * never handed to flexmark, whose parser and renderer recurse once per nesting level.
 */
final class InputLimits {

    /** Why a text is not parsed, and the 1-based line where it went over, when one is to blame. */
    record Exceeded(String why, @Nullable Integer line) {}

    /**
     * Why {@code text} should not be parsed, if it should not: longer than {@code maxChars}, or
     * block quotes, list items or square brackets nested deeper than {@code maxNesting}.
     */
    static Optional<Exceeded> exceeded(String text, int maxChars, int maxNesting) {
        if (text.length() > maxChars) {
            return Optional.of(new Exceeded("the text is " + text.length() + " characters long; the limit is " + maxChars, null));
        }
        int brackets = 0;
        int deepestBrackets = 0;
        int deepestLine = 0;
        int lineNumber = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int depth = containerDepth(text, lineStart, i);
                if (depth > maxNesting) {
                    return Optional.of(new Exceeded("line " + lineNumber + " nests block quotes or lists " + depth
                            + " levels deep; the limit is " + maxNesting, lineNumber));
                }
                lineNumber++;
                lineStart = i + 1;
                continue;
            }
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                if (++brackets > deepestBrackets) {
                    deepestBrackets = brackets;
                    deepestLine = lineNumber;
                }
            } else if (c == ']' && brackets > 0) {
                brackets--;
            }
        }
        if (deepestBrackets > maxNesting) {
            return Optional.of(new Exceeded("square brackets nest " + deepestBrackets + " levels deep (deepest on line "
                    + deepestLine + "); the limit is " + maxNesting, deepestLine));
        }
        return Optional.empty();
    }

    /**
     * Container markers a line opens with: each {@code >}, each list marker ({@code -}, {@code *},
     * {@code +}, {@code 1.}, {@code 1)}) with the space after it, and every two further columns of
     * indentation, which is how nested list items are written.
     */
    private static int containerDepth(String text, int start, int end) {
        int depth = 0;
        int columns = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
            } else if (c == '\t') {
                columns += 4;
                i++;
            } else if (c == '>') {
                depth++;
                i += i + 1 < end && text.charAt(i + 1) == ' ' ? 2 : 1;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && text.charAt(i + 1) == ' ') {
                depth++;
                i += 2;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j + 1 < end && (text.charAt(j) == '.' || text.charAt(j) == ')') && text.charAt(j + 1) == ' ') {
                    depth++;
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth + columns / 2;
    }

    private InputLimits() {}
}
