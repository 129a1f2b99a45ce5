package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {

    private static final Instant COMMITTED = Instant.parse("2026-02-01T10:00:00Z");
    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void languageAndTranslationKeyFromThePathUnlessFrontMatterSaysOtherwise() {
        RenderedDocument suffixed = render("posts/a_zh.md", "# 你好\n");
        assertThat(suffixed.language()).isEqualTo("zh");
        assertThat(suffixed.translationKey()).isEqualTo("posts/a");
        assertThat(suffixed.url()).isEqualTo("/zh/posts/a/");

        RenderedDocument unmarked = render("posts/a.md", "# Hello\n");
        assertThat(unmarked.language()).isNull();
        assertThat(unmarked.translationKey()).isEqualTo("posts/a");

        RenderedDocument declared = render("posts/hello.md", "---\nlang: zh_cn\ntranslationKey: greeting\n---\n# 你好\n");
        assertThat(declared.language()).isEqualTo("zh-CN");
        assertThat(declared.translationKey()).isEqualTo("greeting");
        assertThat(render("_posts/hi.md", "---\nlang: fr\nref: greeting\n---\nSalut\n").translationKey())
                .isEqualTo("greeting");
    }

    @Test
    void anUnknownLanguageInFrontMatterIsReportedNotGuessed() {
        RenderedDocument doc = render("posts/a.md", "---\nlang: klingon\n---\nqapla'\n");
        assertThat(doc.language()).isNull();
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("unknown-language");
            assertThat(d.message()).contains("'lang: klingon'");
        });
    }

    @Test
    void titleComesFromFrontMatterElseFirstH1ElseFileName() {
        assertThat(render("notes/a.md", "---\ntitle: From FM\n---\n# From H1\n").title()).isEqualTo("From FM");
        assertThat(render("notes/a.md", "Intro\n\n# From H1\n").title()).isEqualTo("From H1");
        assertThat(render("notes/plain-notes.md", "no heading here\n").title()).isEqualTo("plain-notes");
    }

    @Test
    void datesInEveryFormAuthorsWrite() {
        assertThat(render("a.md", "---\ndate: 2025-03-25 20:44:17\n---\n").date())
                .isEqualTo(Instant.parse("2025-03-25T20:44:17Z"));
        assertThat(render("a.md", "---\ndate: 2025-03-25T20:44:17+08:00\n---\n").date())
                .isEqualTo(Instant.parse("2025-03-25T12:44:17Z"));
        assertThat(render("a.md", "---\ndate: 2025-03-25\n---\n").date()).isEqualTo(Instant.parse("2025-03-25T00:00:00Z"));
        assertThat(render("blog/2026-01-05/post.md", "text").date()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(render("post.md", "text").date()).isEqualTo(COMMITTED);
        assertThat(render("post.md", "text").lastmod()).isEqualTo(COMMITTED);
    }

    @Test
    void anUnreadableDateIsAWarningAndFallsBack() {
        RenderedDocument doc = render("post.md", "---\ndate: last tuesday\n---\nBody");

        assertThat(doc.date()).isEqualTo(COMMITTED);
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("invalid-date");
            assertThat(d.message()).contains("'last tuesday'");
        });
    }

    @Test
    void tagsAsListOrCommaStringAndOtherFieldsKeptForTemplates() {
        RenderedDocument doc = render("a.md", "---\ntags: go, k8s\ncategories: [notes]\nauthor: Ada\nlayout: post\n---\nx");

        assertThat(doc.tags()).containsExactly("go", "k8s", "notes");
        assertThat(doc.params()).containsEntry("author", "Ada").containsEntry("layout", "post").doesNotContainKey("tags");
    }

    @Test
    void pageUrlAndTocComeWithTheDocument() {
        RenderedDocument doc = render("posts/Hello World.md", "# One\n\n## Two\n");

        assertThat(doc.url()).isEqualTo("/posts/Hello-World/");
        assertThat(doc.toc()).extracting(RenderedDocument.TocEntry::id).containsExactly("one", "two");
    }

    @Test
    void aDocumentWhoseTextDidNotArriveIsAnErrorPageNotAnException() {
        var source = new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c", "huge.md", "b", DocumentKind.MARKDOWN,
                null, null, null, List.of(Diagnostic.error("too-large", "file is too large")));

        RenderedDocument doc = renderer.render(source);

        assertThat(doc.hasErrors()).isTrue();
        assertThat(doc.html()).contains("could not be rendered");
        assertThat(doc.diagnostics()).extracting(Diagnostic::code).containsExactly("too-large");
    }

    @Test
    void badFrontMatterStillRendersTheBody() {
        RenderedDocument doc = render("a.md", "---\ntitle: [unclosed\n---\n# Still here\n");

        assertThat(doc.html()).contains("Still here");
        assertThat(doc.title()).isEqualTo("Still here");
        assertThat(doc.diagnostics()).extracting(Diagnostic::code).containsExactly("front-matter-invalid");
    }

    private RenderedDocument render(String path, String text) {
        return renderer.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c", path, "b",
                DocumentKind.MARKDOWN, text, null, new CommitInfo("c", COMMITTED, "A", "s"), List.of()));
    }
}
