package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.RenderSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/**
 * The inputs cmark keeps in {@code test/pathological_tests.py}, each known to have made some
 * Markdown implementation crash or go quadratic, at a bounded size ({@code -Dpathological.n},
 * default 5 000 repetitions). Each must come back as a page; how long it took is reported in a
 * table, not asserted, since timings on a shared machine prove nothing.
 */
class PathologicalInputTest {

    private static final int N = Integer.getInteger("pathological.n", 5_000);
    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final List<String> REPORT = new ArrayList<>();

    record Case(String name, String markdown) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("nested strong emph", "*a **a ".repeat(N) + "b" + " a** a*".repeat(N)),
                new Case("many emph closers with no openers", "a_ ".repeat(N)),
                new Case("many emph openers with no closers", "_a ".repeat(N)),
                new Case("many 3-emph openers with no closers", "a***".repeat(N)),
                new Case("many link closers with no openers", "a]".repeat(N)),
                new Case("many link openers with no closers", "[a".repeat(N)),
                new Case("mismatched openers and closers", "*a_ ".repeat(N)),
                new Case("openers and closers multiple of 3", "a**b" + "c* ".repeat(N)),
                new Case("link openers and emph closers", "[ a_".repeat(N)),
                new Case("pattern [ (]( repeated", "[ (](".repeat(N)),
                new Case("pattern ![[]() repeated", "![[]()".repeat(N)),
                new Case("hard link/emph case", "**x [a*b**c*](d)"),
                new Case("nested brackets", "[".repeat(N) + "a" + "]".repeat(N)),
                new Case("nested block quotes", "> ".repeat(N) + "a"),
                new Case("deeply nested lists", IntStream.range(0, Math.min(N, 1000))
                        .mapToObj(i -> "  ".repeat(i) + "* a\n").collect(Collectors.joining())),
                new Case("U+0000 in input", "abc\u0000de\u0000".repeat(N)),
                new Case("backticks", IntStream.range(1, Math.min(N, 1000))
                        .mapToObj(i -> "e" + "`".repeat(i)).collect(Collectors.joining())),
                new Case("unclosed links A", "[a](<b".repeat(N)),
                new Case("unclosed links B", "[a](b".repeat(N)),
                new Case("unclosed <!--", "</" + "<!--".repeat(N)),
                new Case("empty lines in deeply nested lists", "- ".repeat(N) + "x" + "\n".repeat(N)),
                new Case("empty lines in deeply nested lists in block quote", "> " + "- ".repeat(N) + "x\n"
                        + ">\n".repeat(N)),
                new Case("many references", IntStream.range(0, N).mapToObj(i -> "[" + i + "]: u\n")
                        .collect(Collectors.joining()) + "[0] ".repeat(N)),
                new Case("nested strong emph, shallow enough to parse", "*a **a ".repeat(100) + "b" + " a** a*".repeat(100)),
                new Case("deep inline nesting inside the nesting limit", "**a ".repeat(N / 10) + "b" + " a**".repeat(N / 10)),
                new Case("many table columns", "|" + "a|".repeat(N) + "\n|" + "-|".repeat(N) + "\n"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyPathologicalInputStillYieldsAPage(Case input) {
        long start = System.nanoTime();
        RenderedDocument page = RENDERER.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c1", "p.md",
                "b1", DocumentKind.MARKDOWN, input.markdown(), null,
                new CommitInfo("c1", Instant.parse("2026-01-01T00:00:00Z"), "A <a@example.org>", "m"), List.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(page.html()).isNotEmpty();
        assertThat(page.url()).isEqualTo("/p/");
        String outcome = page.diagnostics().stream().filter(d -> d.code().equals("render-degraded"))
                .map(Diagnostic::message).findFirst().map(m -> "degraded: " + m).orElse("rendered");
        REPORT.add(String.format("%-52s %8d chars %7d ms  %s", input.name(), input.markdown().length(), millis, outcome));
    }

    @Test
    void aDegradedPageIsTheEscapedTextWithTheReasonAsAnError() {
        RenderedDocument page = RENDERER.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c1", "p.md",
                "b1", DocumentKind.MARKDOWN, "---\ntitle: Deep\n---\n" + "> ".repeat(5000) + "<script>x</script>",
                null, null, List.of()));

        assertThat(page.title()).isEqualTo("Deep");
        assertThat(page.html()).startsWith("<pre class=\"render-degraded\">&gt; &gt; ").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(page.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.code()).isEqualTo("render-degraded");
            assertThat(d.message()).contains("nests block quotes or lists 5000 levels deep; the limit is 256");
            assertThat(d.line()).isEqualTo(4);
        });
    }

    @Test
    void aRenderOverItsTimeBudgetIsPublishedDegraded() {
        var impatient = new DocumentRenderer(RenderSettings.DEFAULTS.withTimeBudget(Duration.ofNanos(1)));

        RenderedDocument page = impatient.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c1", "p.md",
                "b1", DocumentKind.MARKDOWN, "[a](<b".repeat(N), null, null, List.of()));

        assertThat(page.html()).startsWith("<pre class=\"render-degraded\">[a](&lt;b");
        assertThat(page.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("render-degraded");
            assertThat(d.message()).isEqualTo("rendering took longer than 0 ms, so it is shown as plain text");
        });
    }

    @Test
    void aStackOverflowInTheRendererIsPublishedDegraded() {
        // No nesting limit and a small stack, so the parser's recursion is what gives out.
        var shallow = new DocumentRenderer(new RenderSettings(Duration.ofSeconds(30), Integer.MAX_VALUE,
                DataSize.ofMegabytes(2), DataSize.ofKilobytes(256), false, 0, RenderSettings.Translations.DEFAULTS));

        RenderedDocument page = shallow.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c1", "p.md",
                "b1", DocumentKind.MARKDOWN, "> ".repeat(20_000) + "deep", null, null, List.of()));

        assertThat(page.html()).startsWith("<pre class=\"render-degraded\">&gt; &gt;");
        assertThat(page.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("the document nests too deeply for the renderer, so it is shown as plain text"));
    }

    @AfterAll
    static void report() {
        System.out.println("Pathological inputs (n=" + N + "):");
        REPORT.forEach(System.out::println);
    }
}
