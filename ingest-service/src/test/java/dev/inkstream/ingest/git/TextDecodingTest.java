package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String TEXT = "# Café 咖啡 📫\n";

    @Test
    void utf8AsItIs() {
        var decoded = TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.diagnostics()).isEmpty();
    }

    @Test
    void utf8WithAByteOrderMarkLosesTheMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        var decoded = TextDecoding.decode(concat(bom, TEXT.getBytes(StandardCharsets.UTF_8)));

        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.diagnostics()).isEmpty();
    }

    @Test
    void utf16InBothByteOrdersByItsMark() {
        var bigEndian = TextDecoding.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE)));
        var littleEndian = TextDecoding.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE)));

        assertThat(bigEndian.text()).isEqualTo(TEXT);
        assertThat(littleEndian.text()).isEqualTo(TEXT);
        assertThat(bigEndian.diagnostics()).isEmpty();
        assertThat(littleEndian.diagnostics()).isEmpty();
    }

    @Test
    void invalidBytesAreReportedAtTheirOffsetAndLineAndReplaced() {
        byte[] latin1 = "title\nnaïve\ncafé\n".getBytes(StandardCharsets.ISO_8859_1);

        var decoded = TextDecoding.decode(latin1);

        assertThat(decoded.text()).isEqualTo("title\nna\uFFFDve\ncaf\uFFFD\n");
        assertThat(decoded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("invalid-encoding");
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).startsWith("byte 8 is not valid UTF-8 (2 invalid sequences in all)");
        });
    }

    @Test
    void aTruncatedSequenceAtTheEndAndAnUnpairedUtf16SurrogateAreReportedToo() {
        byte[] truncated = {'o', 'k', (byte) 0xE5, (byte) 0x92};
        var cut = TextDecoding.decode(truncated);
        assertThat(cut.text()).isEqualTo("ok\uFFFD");
        assertThat(cut.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("byte 2 is not valid UTF-8;"));

        byte[] loneSurrogate = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x3D, (byte) 0xD8};
        var utf16 = TextDecoding.decode(loneSurrogate);
        assertThat(utf16.text()).isEqualTo("a\uFFFD");
        assertThat(utf16.diagnostics()).singleElement().satisfies(d ->
                assertThat(d.message()).startsWith("byte 4 is not valid UTF-16LE (from its byte order mark)"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
