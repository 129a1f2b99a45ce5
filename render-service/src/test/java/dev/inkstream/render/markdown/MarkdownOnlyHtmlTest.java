package dev.inkstream.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A document of Markdown alone skips the HTML sanitiser; what it publishes must be what the
 * sanitiser would have made of it (the same elements, attributes, text and links), only spelt as
 * flexmark spells HTML ({@code <hr />}, {@code checked="checked"}, {@code &#8617;}).
 */
class MarkdownOnlyHtmlTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final UnaryOperator<String> REWRITE = url -> url.endsWith(".md") ? url.replace(".md", "/") : url;

    /** Markdown that an attacker, or a careless author, might write; none of it holds raw HTML. */
    private static final List<String> SNIPPETS = List.of(
                "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](&#106;avascript:alert(1)) [d](java\tscript:x)\n",
                "[e]( javascript:alert(1)) [f](javascript&#58;alert(1)) [g](<java script:x>) [h](vbscript:x) [i](data:x)\n",
                "![j](data:image/png;base64,AA) ![k](http://example.org/k.png) ![l](img/l.png) ![m](//cdn.example.org/m.png)\n",
                "<javascript:alert(1)> <https://example.org> <mailto:a@example.org> a@example.org www.example.org\n",
                "ftp://example.org/file and https://example.org/x?a=1&b=2#frag and http://例子.测试/路径\n",
                "[n](../posts/other.md#part) [o](/about.md) [p](#local) [q](?query) [r](%2e%2e/x.md) [s](a%20b.md) [](\\evil) []()\n",
                "[s1](HTTPS:x) [s2](http:/x) [s3](//evil.example/x) [s4](//[bad) [s5](/\\evil.example) [s6](ftp:x) [s7](mailto:)\n",
                "![i1](HTTP://x/y.png) ![i2](ftp://x/y.png) ![i3](//x/y.png) ![i4](a%0Ab.png) ![i5](&#10;javascript:x) ![i6](<a%20b.png>) ![i7](a b.png)\n",
                "[t](https://example.org/ \"t \\\" onclick=\\\"x\") [u](<https://example.org/a b> 'u') [v](https://ex.org/\u0000)\n",
                "[w][ref] ![x][ref2]\n\n[ref]: javascript:alert(1) \"title\"\n[ref2]: https://example.org/x.png\n",
                "Text with &lt;b&gt; \\<i> `<script>` &amp; &copy; &#0; &#x110000; \" ' < > done\n",
                "# Heading <!-- note -->\n\n<!-- a\nmulti-line comment -->\n\n> <!-- quoted comment -->\n> quote\n",
                "- [x] done\n- [ ] open\n  1. nested\n\n| a | b |\n|:--|--:|\n| `x` | [y](y.md) |\n",
                "Footnote[^n] and another[^m].\n\n[^n]: See [z](z.md).\n[^m]: Plain.\n",
                "```html\n<script>alert(1)</script>\n```\n\n    <b>indented</b>\n\n***\n\nline  \nbreak ~~gone~~ ==marked==\n");

    static Stream<String> markdownOnly() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/golden"))) {
            List<String> golden = files.filter(f -> f.toString().endsWith(".md")).sorted()
                    .map(MarkdownOnlyHtmlTest::read).toList();
            return Stream.concat(SNIPPETS.stream(), golden.stream())
                    .filter(markdown -> !RENDERER.render(markdown).rawHtml());
        }
    }

    @ParameterizedTest
    @MethodSource("markdownOnly")
    void rendersWhatTheSanitizerWouldHaveMade(String markdown) {
        MarkdownRenderer.Result direct = RENDERER.render(markdown, 1, REWRITE);
        HtmlSanitizer.Sanitized sanitized = RENDERER.renderThroughSanitizer(markdown, REWRITE);

        assertThat(normalised(direct.html())).isEqualTo(normalised(sanitized.html()));
        assertThat(direct.destinations()).isEqualTo(sanitized.destinations());
    }

    @Test
    void theSnippetsAndTheGoldenFilesWithoutHtmlTakeTheDirectPath() throws IOException {
        // footnotes-tasks, headings-code, highlight-marks, links-table-comments, xss-markdown-only
        assertThat(markdownOnly().count()).isEqualTo(SNIPPETS.size() + 5);
        assertThat(RENDERER.render(read(Path.of("src/test/resources/golden/xss-markdown-only.md"))).rawHtml()).isFalse();
    }

    @Test
    void anyHtmlOfTheAuthorsOtherThanAWholeCommentGoesThroughTheSanitizer() {
        assertThat(RENDERER.render("text <b>bold</b>\n").rawHtml()).isTrue();
        assertThat(RENDERER.render("<details>\n\n*x*\n\n</details>\n").rawHtml()).isTrue();
        assertThat(RENDERER.render("<!-- note --> <script>alert(1)</script>\n").rawHtml()).isTrue();
        assertThat(RENDERER.render("<!-- note --> <img src=x onerror=alert(1)>\n").html())
                .doesNotContain("onerror").doesNotContain("note");
        assertThat(RENDERER.render("<!-->\n<script>alert(1)</script>\n-->\n").html()).doesNotContain("<script");
        assertThat(RENDERER.render("a <!-->x--> <i>b</i>\n").rawHtml()).isTrue();
        assertThat(RENDERER.render("a <!-- x --!> <i>b</i> -->\n").rawHtml()).isTrue();

        assertThat(RENDERER.render("<!-- note -->\n\ntext <!-- inline --> more\n").rawHtml()).isFalse();
        assertThat(RENDERER.render("<!-- note -->\n\ntext <!-- inline --> more\n").html())
                .isEqualTo("<p>text  more</p>\n");
    }

    @Test
    void unsafeUrlsLoseTheirAttributeSafeOnesAreRewrittenAndListed() {
        MarkdownRenderer.Result result = RENDERER.render(
                "[a](javascript:alert(1)) [b](data:text/html,x) ![c](vbscript:x) [d](other.md) ![e](img/e.png)\n", 1, REWRITE);

        assertThat(result.rawHtml()).isFalse();
        assertThat(result.html()).isEqualTo("<p>a <a>b</a> <img alt=\"c\" /> <a href=\"other/\">d</a>"
                + " <img src=\"img/e.png\" alt=\"e\" /></p>\n");
        assertThat(result.destinations()).containsExactly("other.md", "img/e.png");
    }

    private static String normalised(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(true);
        return document.body().html();
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // The body, as the renderer sees it after front matter.
            return text.startsWith("---\n") ? text.substring(text.indexOf("\n---\n", 4) + 5) : text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
