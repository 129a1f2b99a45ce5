package dev.inkstream.render.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.inkstream.events.Diagnostic;
import org.junit.jupiter.api.Test;

class MojibakeTest {

    @Test
    void utf8ReadAsMacRomanIsReportedWithTheRepair() {
        String text = "# About\n\n\uF8FF\u00FC\u00EC\u00B4 If you wish to contact me\n";

        assertThat(Mojibake.find(text, 3)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.code()).isEqualTo("mojibake");
            assertThat(d.message()).contains("'\uD83D\uDCEB'", "MacRoman");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.suggestion()).isEqualTo("\uD83D\uDCEB");
        });
    }

    @Test
    void fixingReplacesEveryRunByItsRepairAndSaysSo() {
        var fixed = Mojibake.fix("Caf\u00C3\u00A9\nna\u00C3\u00AFve Z\u00FCrich\n", 7);

        assertThat(fixed.text()).isEqualTo("Café\nnaïve Zürich\n");
        assertThat(fixed.diagnostics()).extracting(Diagnostic::severity, Diagnostic::line, Diagnostic::suggestion)
                .containsExactly(tuple(Diagnostic.Severity.INFO, 7, "é"),
                        tuple(Diagnostic.Severity.INFO, 8, "ï"));
    }

    @Test
    void utf8ReadAsWindows1252IsReported() {
        assertThat(Mojibake.find("Caf\u00C3\u00A9 and na\u00C3\u00AFve", 1)).hasSize(2)
                .allSatisfy(d -> assertThat(d.message()).contains("windows-1252"));
    }

    @Test
    void genuineAccentsCjkAndEmojiAreLeftAlone() {
        assertThat(Mojibake.find("Zürich, São Paulo, Ærøskøbing, 你好世界, 📫 — “quoted”", 1)).isEmpty();
    }

    @Test
    void noCharacterOfTheCjkRangeSkippedWithoutEncodingIsInASuspectCharset() {
        for (var charset : Mojibake.SUSPECTS) {
            var encoder = charset.newEncoder();
            for (char c = Mojibake.CJK_FIRST; c <= Mojibake.CJK_LAST; c++) {
                assertThat(encoder.canEncode(c)).as("%s encodes U+%04X", charset, (int) c).isFalse();
            }
        }
        assertThat(Mojibake.hasCjk("Ã©中")).isTrue();
        assertThat(Mojibake.hasCjk("Ã©")).isFalse();
    }
}
