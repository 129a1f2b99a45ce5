package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.RenderSettings;
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
        assertThat(render("a.md", "---\nlastmod: 2026-01-02\n---\n").lastmod()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(render("a.md", "---\nupdated: 2026-01-03 10:00:00\n---\n").lastmod())
                .isEqualTo(Instant.parse("2026-01-03T10:00:00Z"));
        assertThat(render("a.md", "---\nlast_updated: 2026-02-25\n---\n").lastmod())
                .isEqualTo(Instant.parse("2026-02-25T00:00:00Z"));
        assertThat(render("a.md", "---\npublishDate: 2024-05-06\n---\n").date()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
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

    @Test
    void aliasesBecomeRedirectSourcesAndCategoriesStayInParams() {
        RenderedDocument doc = render("posts/a.md", "---\naliases: [/old/a/, /2020/a.html]\ncategories: [Ops]\n---\nx\n");

        assertThat(doc.aliases()).containsExactly("/old/a/", "/2020/a.html");
        assertThat(doc.params()).containsEntry("categories", List.of("Ops")).doesNotContainKey("aliases");
        assertThat(doc.tags()).containsExactly("Ops");
    }

    @Test
    void theSiteConfigBecomesASiteConfigAndIsNeverAPage() {
        RenderedDocument config = render("hugo.toml", DocumentKind.CONFIG, "title = 'Hugo'\nbaseURL = 'https://h.org'\n");

        assertThat(config.kind()).isEqualTo(DocumentKind.CONFIG);
        assertThat(config.siteConfig()).isNotNull();
        assertThat(config.siteConfig().title()).isEqualTo("Hugo");
        assertThat(config.siteConfig().baseUrl()).isEqualTo("https://h.org/");
        assertThat(config.kind().isPage()).isFalse();
    }

    @Test
    void aBrokenSiteConfigCarriesItsDiagnostic() {
        RenderedDocument config = render("inkstream.yaml", DocumentKind.CONFIG, "title: [\n");

        assertThat(config.diagnostics()).extracting(Diagnostic::code).containsExactly("site-config-invalid");
    }

    @Test
    void aLayoutPassesItsTextThroughUntouched() {
        String template = "{% extends \"base\" %}<script>{{ doc.title }}</script>";

        RenderedDocument layout = render("layouts/page.peb", DocumentKind.LAYOUT, template);

        assertThat(layout.html()).isEqualTo(template);
        assertThat(layout.siteConfig()).isNull();
    }

    @Test
    void everyInternalLinkIsListedAsTheSiteUrlItPointsAt() {
        RenderedDocument doc = render("posts/2026-02-01/guide.md", """
                # Guide

                See [the Chinese version](guide_zh.md), [setup](../2026-01-01/setup.md#install-steps),
                [the docs][docs], [home](/README.md), [below](#guide) and [elsewhere](https://example.org/a.md).

                ![diagram](img/flow.png) <img src="img/raw.png" width="20">

                [docs]: /docs/intro.md#why
                """);

        assertThat(doc.links()).containsExactly(PageUrls.of("posts/2026-02-01/guide_zh.md"),
                "/posts/2026-01-01/setup/#install-steps", "/docs/intro/#why", "/", "/posts/2026-02-01/guide/#guide",
                "/posts/2026-02-01/img/flow.png", "/posts/2026-02-01/img/raw.png");
        assertThat(doc.html()).contains("href=\"../../2026-01-01/setup/#install-steps\"",
                "href=\"../../../docs/intro/#why\"", "href=\"../../../\"", "href=\"https://example.org/a.md\"",
                "src=\"../img/flow.png\"", "src=\"../img/raw.png\"");
        assertThat(doc.structure().links()).containsExactly("guide_zh.md", "../2026-01-01/setup.md#install-steps",
                "/docs/intro.md#why", "/README.md", "#guide", "https://example.org/a.md");
        assertThat(doc.structure().images()).containsExactly("img/flow.png");
    }

    @Test
    void slugAndUrlDecideThePageUrlAndTheFileUrlRedirects() {
        RenderedDocument slugged = render("posts/2026-01-05/hello.md", "---\nslug: hello-world\naliases: [/old/hello, hi]\n---\n");
        assertThat(slugged.url()).isEqualTo("/posts/2026-01-05/hello-world/");
        assertThat(slugged.aliases()).containsExactly("/old/hello/", "/posts/2026-01-05/hi/", "/posts/2026-01-05/hello/");

        RenderedDocument moved = render("pages/about.md", "---\nurl: /about-me\naliases: /about-me/\n---\n");
        assertThat(moved.url()).isEqualTo("/about-me/");
        assertThat(moved.aliases()).containsExactly("/pages/about/");
        assertThat(moved.params()).doesNotContainKeys("url", "slug", "aliases");
    }

    @Test
    void withoutAFrontMatterOrFolderDateTheFirstCommitDatesThePageAndTheLastOneModifiesIt() {
        Instant first = Instant.parse("2025-06-01T09:00:00Z");
        Instant middle = Instant.parse("2025-09-01T09:00:00Z");
        var history = List.of(new CommitInfo("c3", COMMITTED, "A", "fix"), new CommitInfo("c2", middle, "A", "edit"),
                new CommitInfo("c1", first, "A", "add"));
        RenderedDocument doc = renderer.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c3", "notes/a.md",
                "b", DocumentKind.MARKDOWN, "text", null, history.getFirst(), List.of(), history));

        assertThat(doc.date()).isEqualTo(first);
        assertThat(doc.lastmod()).isEqualTo(COMMITTED);
        assertThat(doc.history()).isEqualTo(history);
    }

    @Test
    void textDocumentsCarryTheirLettersAndWords() {
        RenderedDocument doc = renderer.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c", "cv.txt", "b",
                DocumentKind.TEXT, "Ada Lovelace\n数学家\n", null, null, List.of()));

        assertThat(doc.structure().scripts()).containsEntry("LATIN", 11).containsEntry("HAN", 3);
        assertThat(doc.structure().words()).isEqualTo(5);
    }

    @Test
    void mojibakeIsReportedWithItsRepairAndFixedOnlyWhenTheSiteAsks() {
        String text = "---\ntitle: Caf\u00C3\u00A9\n---\nCaf\u00C3\u00A9 au lait\n";
        var source = new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c", "a.md", "b", DocumentKind.MARKDOWN,
                text, null, null, List.of());

        RenderedDocument reported = renderer.render(source);
        assertThat(reported.html()).contains("Caf\u00C3\u00A9 au lait");
        assertThat(reported.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.suggestion()).isEqualTo("é");
        });

        RenderedDocument fixed = new DocumentRenderer(RenderSettings.DEFAULTS.withFixMojibake(true)).render(source);
        assertThat(fixed.html()).contains("Café au lait");
        assertThat(fixed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.INFO);
            assertThat(d.message()).contains("published as 'é'");
        });
    }

    private RenderedDocument render(String path, String text) {
        return render(path, DocumentKind.MARKDOWN, text);
    }

    private RenderedDocument render(String path, DocumentKind kind, String text) {
        return renderer.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "r", "c", path, "b",
                kind, text, null, new CommitInfo("c", COMMITTED, "A", "s"), List.of()));
    }
}
