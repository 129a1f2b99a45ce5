package dev.inkstream.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.RenderedDocument.TocEntry;
import org.junit.jupiter.api.Test;

/** Heading ids as GitHub makes them, so links copied from GitHub's rendering keep working here. */
class HeadingIdsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String id(String heading) {
        return renderer.render("## " + heading + "\n").toc().getFirst().id();
    }

    @Test
    void asciiIsLowercasedPunctuationDroppedSpacesBecomeDashes() {
        assertThat(id("Hello, World!")).isEqualTo("hello-world");
        assertThat(id("C++ & Java")).isEqualTo("c--java");
        assertThat(id("snake_case and kebab-case")).isEqualTo("snake_case-and-kebab-case");
        assertThat(id("Version 2.0 (beta)")).isEqualTo("version-20-beta");
        assertThat(id("`code` in *heading*")).isEqualTo("code-in-heading");
    }

    @Test
    void cjkAndAccentedLettersAreKept() {
        assertThat(id("安装指南")).isEqualTo("安装指南");
        assertThat(id("使用 Docker 部署")).isEqualTo("使用-docker-部署");
        assertThat(id("設定（全角括弧）と「引用」")).isEqualTo("設定全角括弧と引用");
        assertThat(id("Überblick über Zürich")).isEqualTo("überblick-über-zürich");
    }

    @Test
    void emojiAreDroppedAndTheirSpaceStays() {
        assertThat(id("🎉 Release notes")).isEqualTo("-release-notes");
    }

    @Test
    void duplicatesGetNumberedSuffixes() {
        var toc = renderer.render("# Intro\n\n## Intro\n\n### Intro\n").toc();
        assertThat(toc).extracting(TocEntry::id).containsExactly("intro", "intro-1", "intro-2");
    }

    @Test
    void renderedIdsAreTheTableOfContentsIds() {
        String html = renderer.render("# 安装指南\n\n# 安装指南\n").html();
        assertThat(html).contains("<h1 id=\"安装指南\">", "<h1 id=\"安装指南-1\">");
    }
}
