package dev.inkstream.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIndexTest {

    private final Parser parser = Parser.builder(MarkdownRenderer.options()).build();

    @Test
    void countsLinesAsFlexmarkDoesAtEveryOffset() {
        List<String> texts = new ArrayList<>(List.of("", "a", "\n", "\r", "\r\n", "\n\n", "\r\r\n\n", "a\r\nb\rc\nd",
                "# T\n\ntext\r\n\r\n```\ncode\n```\n", "no end of line", "ends\r"));
        Random random = new Random(8);
        String alphabet = "ab #\n\r\r\n-`";
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            Document document = parser.parse(text);
            LineIndex index = new LineIndex(document.getChars());
            for (int offset = 0; offset <= text.length(); offset++) {
                assertThat(index.lineOf(offset)).as("line of offset %d in %s", offset, text.replace("\r", "\\r").replace("\n", "\\n"))
                        .isEqualTo(document.getLineNumber(offset));
            }
        }
    }
}
