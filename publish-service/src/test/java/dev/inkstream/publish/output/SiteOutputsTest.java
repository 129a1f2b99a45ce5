package dev.inkstream.publish.output;

import static dev.inkstream.publish.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.RenderedDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteOutputsTest {

    private final SiteOutputs outputs = new SiteOutputs();

    @Test
    void onePagePerDocumentAnIndexAndA404() {
        var docs = Map.of(
                "posts/a.md", doc("posts/a.md", "c1", "/posts/a/", "Alpha", "2026-01-02"),
                "posts/b.md", doc("posts/b.md", "c1", "/posts/b/", "Beta", "2026-01-05"));

        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("My site", docs, "max-age=60"));

        assertThat(objects).extracting(OutputObject::key)
                .contains("posts/a/index.html", "posts/b/index.html", "index.html", "404.html", SiteOutputs.DIAGNOSTICS_KEY)
                .filteredOn(k -> k.endsWith(".html")).containsExactlyInAnyOrder("posts/a/index.html", "posts/b/index.html",
                        "index.html", "404.html");
        assertThat(objects).filteredOn(o -> o.key().endsWith(".html")).allSatisfy(o -> {
            assertThat(o.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(o.cacheControl()).isEqualTo("max-age=60");
        });
        String page = text(objects, "posts/a/index.html");
        assertThat(page).contains("<h1>Alpha</h1>", "<p>Alpha body</p>", "href=\"../../\"", "2026-01-02");
        String index = text(objects, "index.html");
        assertThat(index.indexOf("Beta")).as("newest first").isLessThan(index.indexOf("Alpha"));
        assertThat(index).contains("href=\"./posts/a/\"");
    }

    @Test
    void titlesAreEscapedWhileTheBodyAlreadySanitisedByRenderIsInsertedAsIs() {
        var docs = Map.of("x.md", doc("x.md", "c1", "/x/", "<script>alert(1)</script>", null));

        String page = text(outputs.outputs(new SiteOutputs.Site("S", docs, "c")), "x/index.html");

        assertThat(page).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; · S</title>",
                "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
                // the fixture's body is "<p>" + title + " body</p>": body HTML is trusted as render left it
                "<p><script>alert(1)</script> body</p>");
    }

    @Test
    void draftsAreNotPublishedAndARootReadmeIsTheHomePage() {
        RenderedDocument draft = withDraft(doc("wip.md", "c1", "/wip/", "Work in progress", null));
        var docs = Map.of("wip.md", draft, "README.md", doc("README.md", "c1", "/", "Welcome", null));

        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        assertThat(objects).extracting(OutputObject::key).filteredOn(k -> k.endsWith(".html"))
                .containsExactlyInAnyOrder("index.html", "404.html");
        assertThat(text(objects, "index.html")).contains("Welcome body").doesNotContain("Work in progress");
        assertThat(text(objects, "feed.xml")).doesNotContain("Work in progress");
    }

    @Test
    void aBodyThatOpensWithItsTitleHeadingIsNotGivenASecondOne() {
        RenderedDocument withHeading = doc("h.md", "c1", "/h/", "Heading", null);
        withHeading = new RenderedDocument(withHeading.schemaVersion(), withHeading.repo(), withHeading.commit(),
                withHeading.path(), withHeading.kind(), withHeading.url(), withHeading.title(),
                "<h1 id=\"heading\">Heading</h1>\n<p>text</p>", null, null, null, null, List.of(), null, List.of(),
                List.of(), null, false, Map.of(), List.of());

        String page = text(outputs.outputs(new SiteOutputs.Site("S", Map.of("h.md", withHeading), "c")), "h/index.html");

        assertThat(page.split("<h1", -1)).hasSize(2);
    }

    @Test
    void thePagesLanguageIsTheHtmlLangAndASiteWhosePagesAllSayOneLanguageIsInIt() {
        RenderedDocument d = doc("a_zh.md", "c1", "/a_zh/", "你好", null);
        RenderedDocument zh = new RenderedDocument(d.schemaVersion(), d.repo(), d.commit(), d.path(), d.kind(), d.url(),
                d.title(), d.html(), null, null, "zh", null, List.of(), null, List.of(), List.of(), null, false, Map.of(),
                List.of());

        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", Map.of("a_zh.md", zh), "c"));

        assertThat(text(objects, "a_zh/index.html")).contains("<html lang=\"zh\">");
        assertThat(text(objects, "index.html")).contains("<html lang=\"zh\">");
        var mixed = Map.of("a_zh.md", zh, "b.md", doc("b.md", "c1", "/b/", "B", null));
        assertThat(text(outputs.outputs(new SiteOutputs.Site("S", mixed, "c")), "index.html")).contains("<html lang=\"en\">");
    }

    @Test
    void the404PageLinksHomeAbsolutelyBecauseItIsServedAtAnyDepth() {
        var docs = Map.of("a.md", doc("a.md", "c1", "/a/", "A", null));

        String notFound = text(outputs.outputs(new SiteOutputs.Site("S", docs, "c", "/docs/", "c", List.of())), "404.html");

        assertThat(notFound).contains("<a class=\"brand\" href=\"/docs/\">S</a>",
                "<a href=\"/docs/\">Go to the home page</a>", "href=\"/docs/assets/site.");
    }

    @Test
    void twoSourcesOfOneUrlPublishOneDeterministicallyAndReportTheOther() {
        RenderedDocument text = doc("notes/table.txt", "c1", "/notes/table/", "From text", null);
        text = new RenderedDocument(text.schemaVersion(), text.repo(), text.commit(), text.path(),
                dev.inkstream.events.DocumentKind.TEXT, text.url(), text.title(), text.html(), null, null, null, null,
                List.of(), null, List.of(), List.of(), null, false, Map.of(), List.of());
        var docs = Map.of("notes/table.txt", text, "notes/table.md", doc("notes/table.md", "c1", "/notes/table/", "From md", null));
        var site = new SiteOutputs.Site("S", docs, "c");

        assertThat(outputs.collisions(site)).containsExactly(
                new SiteOutputs.UrlCollision("/notes/table/", "notes/table.md", List.of("notes/table.txt")));
        assertThat(text(outputs.outputs(site), "notes/table/index.html")).contains("From md").doesNotContain("From text");
    }

    @Test
    void assetsAreCopiedFromTheirBlobWithTheirOwnTypeAndNeverListedAsPages() {
        RenderedDocument d = doc("posts/img/graph.png", "c1", "/posts/img/graph.png", "graph", null);
        RenderedDocument asset = new RenderedDocument(d.schemaVersion(), d.repo(), d.commit(), d.path(),
                dev.inkstream.events.DocumentKind.ASSET, d.url(), d.title(), "", null, null, null, null, List.of(), null,
                List.of(), List.of(), null, false, Map.of(), List.of(), "_inkstream/blobs/abc123");
        RenderedDocument p = doc("posts/post.md", "c1", "/posts/post/", "Post", null);
        RenderedDocument post = new RenderedDocument(p.schemaVersion(), p.repo(), p.commit(), p.path(), p.kind(), p.url(),
                p.title(), p.html(), null, null, null, null, List.of(), null, List.of(), List.of("img/graph.png#x"), null,
                false, Map.of(), List.of());
        RenderedDocument unlinked = new RenderedDocument(asset.schemaVersion(), asset.repo(), asset.commit(),
                "scans/passport.jpg", asset.kind(), "/scans/passport.jpg", "passport", "", null, null, null, null,
                List.of(), null, List.of(), List.of(), null, false, Map.of(), List.of(), "_inkstream/blobs/def456");
        var site = new SiteOutputs.Site("S", Map.of("posts/img/graph.png", asset, "posts/post.md", post,
                "scans/passport.jpg", unlinked), "pages", "/", "assets", List.of());

        List<OutputObject> objects = outputs.outputs(site);

        assertThat(objects).extracting(OutputObject::key).as("an asset no page links to stays private")
                .doesNotContain("scans/passport.jpg");

        OutputObject graph = objects.stream().filter(o -> o.key().equals("posts/img/graph.png")).findFirst().orElseThrow();
        assertThat(graph.copyFrom()).isEqualTo("_inkstream/blobs/abc123");
        assertThat(graph.contentType()).isEqualTo("image/png");
        assertThat(graph.cacheControl()).isEqualTo("assets");
        assertThat(text(objects, "index.html")).doesNotContain("graph");
    }

    @Test
    void referencesResolveFromThePagesFolderOrTheSiteRootAndIgnoreUrlsAnchorsAndEscapes() {
        RenderedDocument p = doc("docs/guide/intro.md", "c1", "/docs/guide/intro/", "Intro", null);
        RenderedDocument intro = new RenderedDocument(p.schemaVersion(), p.repo(), p.commit(), p.path(), p.kind(), p.url(),
                p.title(), p.html(), null, null, null, null, List.of(), null, List.of(),
                List.of("../img/a.png", "b.pdf?dl=1", "https://example.org/c.png", "#top", "../../../../etc/passwd",
                        "my file.png", "/abs.png", "/docs/img/d.png#x", "/docs/guide/", "//cdn.example.org/e.png"),
                null, false, Map.of(), List.of());

        var referenced = SiteOutputs.referencedPaths(new SiteOutputs.Site("S", Map.of(p.path(), intro), "c"));

        assertThat(referenced).containsExactlyInAnyOrder("docs/img/a.png", "docs/guide/b.pdf", "docs/guide/my file.png",
                "abs.png", "docs/img/d.png");
    }

    @Test
    void theDiagnosticsReportListsDocumentProblemsAndFilesNotPublished() {
        RenderedDocument d = doc("bad.md", "c1", "/bad/", "Bad", null);
        RenderedDocument bad = new RenderedDocument(d.schemaVersion(), d.repo(), d.commit(), d.path(), d.kind(), d.url(),
                d.title(), d.html(), null, null, null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(),
                List.of(dev.inkstream.events.Diagnostic.at(dev.inkstream.events.Diagnostic.Severity.ERROR,
                        "front-matter-invalid", "front matter is not valid YAML", 3, 7)));
        var skipped = List.of(new dev.inkstream.events.ChangeSet.Skipped("link.md",
                dev.inkstream.events.Diagnostic.warning("symlink-skipped", "link.md is a symbolic link")));
        var site = new SiteOutputs.Site("S", Map.of("bad.md", bad, "ok.md", doc("ok.md", "c1", "/ok/", "OK", null)),
                "c", "/", "c", skipped);

        String report = text(outputs.outputs(site), SiteOutputs.DIAGNOSTICS_KEY);

        assertThat(report).contains("\"path\":\"bad.md\"", "front-matter-invalid", "\"line\":3", "\"column\":7",
                "\"notPublished\"", "symlink-skipped", "link.md").doesNotContain("ok.md");
    }

    @Test
    void sameInputSameBytes() {
        var docs = Map.of("a.md", doc("a.md", "c1", "/a/", "A", "2026-01-01"));

        // Two instances: the second must not be helped by the first one's page cache.
        assertThat(outputs.outputs(new SiteOutputs.Site("S", docs, "c")))
                .extracting(OutputObject::sha256)
                .isEqualTo(new SiteOutputs().outputs(new SiteOutputs.Site("S", docs, "c")).stream()
                        .map(OutputObject::sha256).toList());
    }

    private static RenderedDocument withDraft(RenderedDocument d) {
        return new RenderedDocument(d.schemaVersion(), d.repo(), d.commit(), d.path(), d.kind(), d.url(), d.title(), d.html(),
                d.date(), d.lastmod(), d.language(), d.translationKey(), d.tags(), d.summary(), d.toc(), d.links(),
                d.fingerprint(), true, d.params(), d.diagnostics());
    }

    private static String text(List<OutputObject> objects, String key) {
        return new String(objects.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow().content(),
                StandardCharsets.UTF_8);
    }
}
