package dev.inkstream.ingest.git;

import dev.inkstream.events.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text files' bytes to text, strictly: UTF-8, UTF-8 with a byte order mark, or UTF-16 (either
 * byte order) with one; the mark itself is dropped. Bytes that do not decode are reported with
 * the offset of the first, and become U+FFFD, so the document is still published and the author
 * can find the damage.
 */
final class TextDecoding {

    record Decoded(String text, List<Diagnostic> diagnostics) {}

    static Decoded decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        // The decoder stops at each invalid sequence (REPORT) so we know where it is, then we
        // write U+FFFD for it ourselves and go on: strict reporting, lenient result.
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
        // Never more characters than bytes, even with every byte replaced: one buffer suffices.
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        int invalid = 0;
        int firstOffset = -1;
        int firstLine = -1;
        CoderResult result;
        while ((result = decoder.decode(in, out, true)).isError()) {
            if (invalid++ == 0) {
                firstOffset = in.position();
                firstLine = lineOf(out);
            }
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (invalid == 0) {
            return new Decoded(text, List.of());
        }
        String name = bom == 0 ? "UTF-8" : charset.name() + " (from its byte order mark)";
        return new Decoded(text, List.of(new Diagnostic(Diagnostic.Severity.WARNING, "invalid-encoding",
                "byte " + firstOffset + " is not valid " + name + (invalid > 1 ? " (" + invalid + " invalid sequences in all)" : "")
                        + "; shown as \uFFFD. Re-save the file as UTF-8", firstLine, null)));
    }

    private static int lineOf(CharBuffer decodedSoFar) {
        int line = 1;
        for (int i = 0; i < decodedSoFar.position(); i++) {
            line += decodedSoFar.get(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private TextDecoding() {}
}
