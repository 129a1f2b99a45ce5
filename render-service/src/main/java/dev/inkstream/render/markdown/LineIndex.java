package dev.inkstream.render.markdown;

import java.util.Arrays;

/**
 * Line numbers of offsets in a text, as flexmark's {@code Document.getLineNumber} counts them
 * ({@code \n}, {@code \r\n} and a lone {@code \r} each end a line), from one pass over the text
 * instead of a scan from the start for every node asked about.
 */
final class LineIndex {

    /** Offset where each line after the first starts, ascending. */
    private final int[] starts;
    private final int count;

    LineIndex(CharSequence text) {
        int[] found = new int[16];
        int n = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i + 1;
            }
        }
        this.starts = found;
        this.count = n;
    }

    /** The 0-based line {@code offset} is on; an offset between {@code \r} and {@code \n} is on the line they end. */
    int lineOf(int offset) {
        int at = Arrays.binarySearch(starts, 0, count, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
