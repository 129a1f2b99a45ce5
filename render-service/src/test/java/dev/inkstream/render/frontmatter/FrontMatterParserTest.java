package dev.inkstream.render.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic;
import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    @Test
    void splitsFieldsFromBodyAndToleratesABom() {
        var fm = FrontMatterParser.parse("\uFEFF---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n");

        assertThat(fm.string("title")).contains("Hello");
        assertThat(fm.fields().get("tags")).isEqualTo(java.util.List.of("a", "b"));
        assertThat(fm.body()).isEqualTo("# Body");
        assertThat(fm.bodyLine()).isEqualTo(5);
        assertThat(fm.diagnostics()).isEmpty();
    }

    @Test
    void documentWithoutFrontMatterIsAllBody() {
        var fm = FrontMatterParser.parse("# Just a title\n\n---\n");

        assertThat(fm.fields()).isEmpty();
        assertThat(fm.body()).startsWith("# Just a title");
    }

    @Test
    void malformedYamlIsADiagnosticWithLineAndColumnAndTheBodySurvives() {
        var fm = FrontMatterParser.parse("---\ntitle: ok\ntags: [a, b\n---\nBody text\n");

        assertThat(fm.body()).isEqualTo("Body text");
        assertThat(fm.fields()).isEmpty();
        assertThat(fm.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.code()).isEqualTo("front-matter-invalid");
            assertThat(d.message()).startsWith("front matter is not valid YAML");
            assertThat(d.line()).isBetween(3, 4);
            assertThat(d.column()).isPositive();
        });
    }

    @Test
    void duplicateKeysAreReportedWithLineAndColumnAndTheLastValueIsUsed() {
        var fm = FrontMatterParser.parse("---\ntitle: one\ndate: 2026-01-01\ntitle: two\n---\nBody\n");

        assertThat(fm.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("front-matter-duplicate-key");
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).contains("found duplicate key title");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(1);
        });
        assertThat(fm.fields()).containsEntry("title", "two").containsKey("date");
    }

    @Test
    void oversizedYamlIsRefusedBeforeItIsRead() {
        var fm = FrontMatterParser.parse("---\nnotes: \"" + "x".repeat(300 * 1024) + "\"\n---\nBody\n");

        assertThat(fm.body()).isEqualTo("Body");
        assertThat(fm.fields()).isEmpty();
        assertThat(fm.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("front-matter-invalid");
            assertThat(d.message()).containsIgnoringCase("code points");
        });
    }

    @Test
    void aliasBombIsRefusedNotExpanded() {
        StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            yaml.append(("*" + previous + ", ").repeat(9)).append("*").append(previous).append("]\n");
            previous = c;
        }
        yaml.append("---\nBody\n");

        var fm = FrontMatterParser.parse(yaml.toString());

        assertThat(fm.body()).isEqualTo("Body");
        assertThat(fm.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).containsIgnoringCase("alias"));
    }

    @Test
    void unclosedFenceAndNonMappingFrontMatterAreErrors() {
        assertThat(FrontMatterParser.parse("---\ntitle: x\nno closing fence\n").diagnostics())
                .singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("front-matter-unclosed"));
        assertThat(FrontMatterParser.parse("---\n- just\n- a list\n---\nBody").diagnostics())
                .singleElement().satisfies(d -> assertThat(d.message()).contains("must be a mapping"));
    }

    @Test
    void hugoTomlFrontMatter() {
        var fm = FrontMatterParser.parse("+++\ntitle = \"Hello\"\ndate = 2025-03-25T20:44:17Z\ntags = [\"a\", \"b\"]\n+++\n# Body\n");

        assertThat(fm.string("title")).contains("Hello");
        assertThat(fm.fields().get("tags")).isEqualTo(java.util.List.of("a", "b"));
        assertThat(fm.string("date")).get().asString().startsWith("2025-03-25");
        assertThat(fm.body()).isEqualTo("# Body");
        assertThat(fm.diagnostics()).isEmpty();
    }

    @Test
    void malformedTomlIsADiagnosticWithItsLine() {
        var fm = FrontMatterParser.parse("+++\ntitle = \"ok\"\ntags = [\"a\"\n+++\nBody\n");

        assertThat(fm.body()).isEqualTo("Body");
        assertThat(fm.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("front-matter-invalid");
            assertThat(d.message()).startsWith("front matter is not valid TOML");
            assertThat(d.line()).isBetween(3, 5);
        });
    }

    @Test
    void hugoJsonFrontMatter() {
        var fm = FrontMatterParser.parse("{\n  \"title\": \"From JSON\",\n  \"draft\": true\n}\n\n# Body\n");

        assertThat(fm.string("title")).contains("From JSON");
        assertThat(fm.fields().get("draft")).isEqualTo(true);
        assertThat(fm.body().strip()).isEqualTo("# Body");
        assertThat(fm.bodyLine()).isEqualTo(5);
    }

    @Test
    void malformedJsonFrontMatterIsADiagnosticAndTheTextStaysTheBody() {
        var fm = FrontMatterParser.parse("{\n  \"title\": \"oops\",,\n}\nBody\n");

        assertThat(fm.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("front matter is not valid JSON");
            assertThat(d.line()).isEqualTo(2);
        });
        assertThat(fm.body()).contains("Body");
    }

    @Test
    void arbitraryTypeTagsAreNotInstantiated() {
        var fm = FrontMatterParser.parse("---\nx: !!java.io.File /etc/passwd\n---\nBody\n");

        assertThat(fm.fields()).doesNotContainKey("x");
        assertThat(fm.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("front-matter-invalid");
            assertThat(d.message()).contains("java.io.File");
        });
    }
}
