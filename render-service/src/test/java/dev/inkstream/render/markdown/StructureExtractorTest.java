package dev.inkstream.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Structure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructureExtractorTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Structure structure(String markdown, int firstLine) {
        return renderer.render(markdown, firstLine).structure();
    }

    @Test
    void headingsWithGitHubIdsPlainTextAndFileLines() {
        Structure s = structure("# Setup *fast*\n\ntext\n\n## 安装 `kubectl`\n", 4);

        assertThat(s.headings()).containsExactly(new Structure.Heading(1, "setup-fast", "Setup fast", 4),
                new Structure.Heading(2, "安装-kubectl", "安装 kubectl", 8));
    }

    @Test
    void codeBlocksByLanguageAndHashOfTheirCode() {
        Structure s = structure("```go {linenos=true}\nfmt.Println(1)\n```\n\n    indented\n\n~~~\nfmt.Println(1)\n~~~\n", 1);

        assertThat(s.codeBlocks()).extracting(Structure.CodeBlock::language).containsExactly("go", "", "");
        assertThat(s.codeBlocks()).extracting(Structure.CodeBlock::line).containsExactly(1, 5, 7);
        // The same code hashes the same whatever its fence; different code does not.
        assertThat(s.codeBlocks().get(0).sha256()).isEqualTo(s.codeBlocks().get(2).sha256())
                .isNotEqualTo(s.codeBlocks().get(1).sha256()).hasSize(64);
    }

    @Test
    void linksImagesAndTablesAsWritten() {
        Structure s = structure("""
                [a](a.md) <https://example.org> [ref][r] ![img](p.png) ![refimg][i]

                | x | y | z |
                |---|---|---|
                | 1 | 2 | 3 |

                | only |
                |------|

                [r]: ../r.md#x
                [i]: /img/i.svg
                """, 1);

        assertThat(s.links()).containsExactly("a.md", "https://example.org", "../r.md#x");
        assertThat(s.images()).containsExactly("p.png", "/img/i.svg");
        assertThat(s.tables()).containsExactly(3, 1);
    }

    @Test
    void scriptsAndWordsOfRunningTextOnlyWithCjkCharactersAsWords() {
        Structure s = structure("""
                # Don't panic

                中文文档，和 English words 混合。ひらがな カタカナ 한국어 단어

                ```
                code is not counted
                ```

                `inline code` neither, <span>nor raw html</span>
                """, 1);

        assertThat(s.scripts()).containsOnly(Map.entry("LATIN", 38), Map.entry("HAN", 7),
                Map.entry("HIRAGANA", 4), Map.entry("KATAKANA", 4), Map.entry("HANGUL", 5));
        // Latin letters: Dont panic English words neither nor raw html (the tags are not text).
        // Words: those 8; 7 Han and 8 kana characters; 2 space-separated Korean words.
        assertThat(s.words()).isEqualTo(8 + 7 + 8 + 2);
    }
}
