package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.SourceDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rendering as input/expected-output pairs: every {@code golden/NAME.md} or {@code NAME.txt} has
 * its body HTML in {@code golden/NAME.html}. Run with {@code -Dgolden.update=true} to rewrite the
 * expected files after a deliberate change, then review the diff.
 */
class GoldenRenderTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final DocumentRenderer RENDERER = new DocumentRenderer();

    static Stream<Path> inputs() throws IOException {
        try (var files = Files.list(GOLDEN)) {
            return files.filter(f -> !f.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    static Stream<Path> outputs() throws IOException {
        try (var files = Files.list(GOLDEN)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "form", "style", "base", "meta",
            "object", "embed", "svg", "math", "link", "frame", "frameset", "button", "textarea", "select");

    /**
     * Whatever a golden file says, nothing in it may run or reach out: an independent check on
     * every expected output, so a careless {@code -Dgolden.update=true} cannot bless an XSS.
     */
    @ParameterizedTest
    @MethodSource("outputs")
    void noGoldenOutputCarriesAnythingExecutableOrPrivate(Path output) throws IOException {
        String html = Files.readString(output, StandardCharsets.UTF_8);
        Document document = Jsoup.parseBodyFragment(html);

        assertThat(html).doesNotContain("<!--").doesNotContainIgnoringCase("private");
        for (Element element : document.body().select("*")) {
            assertThat(element.normalName()).isNotIn(FORBIDDEN_ELEMENTS);
            if (element.normalName().equals("input")) {
                assertThat(element.attr("type")).isEqualTo("checkbox");
            }
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on").isNotEqualToIgnoringCase("style")
                        .isNotEqualToIgnoringCase("srcdoc").isNotEqualToIgnoringCase("formaction");
                String value = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void rendersAsTheGoldenFileSays(Path input) throws IOException {
        String name = input.getFileName().toString();
        var source = new SourceDocument(SourceDocument.SCHEMA_VERSION, "golden", "c1", "posts/2026-01-10/" + name,
                "b1", name.endsWith(".txt") ? DocumentKind.TEXT : DocumentKind.MARKDOWN,
                Files.readString(input, StandardCharsets.UTF_8), null,
                new CommitInfo("c1", Instant.parse("2026-01-10T08:00:00Z"), "A <a@example.org>", "add"), List.of());

        String html = RENDERER.render(source).html();

        Path expected = GOLDEN.resolve(name.substring(0, name.lastIndexOf('.')) + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
