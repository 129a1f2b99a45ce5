package dev.inkstream.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.Structure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokenLinksTest {

    private static RenderedDocument page(String path, String url, List<String> links, List<String> headingIds) {
        return page(path, url, links, headingIds, List.of(), false);
    }

    private static RenderedDocument page(String path, String url, List<String> links, List<String> headingIds,
                                         List<String> aliases, boolean draft) {
        var toc = headingIds.stream().map(id -> new RenderedDocument.TocEntry(2, id, id)).toList();
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "r", "c", path, DocumentKind.MARKDOWN, url, "t",
                "", null, null, null, null, List.of(), null, toc, links, null, draft, Map.of(), List.of(), null,
                aliases, null, List.of(), null);
    }

    private static RenderedDocument asset(String path) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "r", "c", path, DocumentKind.ASSET, "/" + path,
                path, "", null, null, null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(),
                List.of(), "blob");
    }

    @Test
    void linksToPublishedPagesAnchorsFilesAliasesAndGeneratedPagesAreFine() {
        var guide = page("docs/guide.md", "/docs/guide/", List.of("/docs/setup/#install", "/img/a.png", "/old-setup/",
                "/tags/go/", "/feed.xml", "/docs/guide/#usage"), List.of("usage"));
        var setup = page("docs/setup.md", "/docs/setup/", List.of(), List.of("install"), List.of("/old-setup/"), false);

        assertThat(BrokenLinks.find(List.of(guide, setup, asset("img/a.png")))).isEmpty();
    }

    @Test
    void aMissingPageIsReportedWithTheClosestPublishedUrl() {
        var a = page("posts/a.md", "/posts/a/", List.of("/posts/2026-01-01/set-up/#install"), List.of());
        var setup = page("posts/2026-01-01/setup.md", "/posts/2026-01-01/setup/", List.of(), List.of("install"));

        assertThat(BrokenLinks.find(List.of(a, setup))).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("broken-link");
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.path()).isEqualTo("posts/a.md");
            assertThat(d.message()).isEqualTo("links to /posts/2026-01-01/set-up/#install but no page is published there");
            assertThat(d.suggestion()).isEqualTo("/posts/2026-01-01/setup/#install");
        });
    }

    @Test
    void aMissingFileIsReportedWithTheClosestFile() {
        var a = page("a.md", "/a/", List.of("/img/diagarm.png", "/files/nothing-like-it.pdf"), List.of());

        assertThat(BrokenLinks.find(List.of(a, asset("img/diagram.png"))))
                .extracting(Diagnostic::message, Diagnostic::suggestion)
                .containsExactly(
                        tuple("links to /img/diagarm.png but no such file is published",
                                "/img/diagram.png"),
                        tuple("links to /files/nothing-like-it.pdf but no such file is published",
                                null));
    }

    @Test
    void aMissingAnchorIsReportedWithTheClosestHeadingIdIncludingCjkIds() {
        var a = page("a.md", "/a/", List.of("/b/#instal", "/b/#配置", "/b/#faq"), List.of());
        var b = page("b.md", "/b/", List.of(), List.of("install", "配置文件"));

        assertThat(BrokenLinks.find(List.of(a, b))).extracting(Diagnostic::message, Diagnostic::suggestion).containsExactly(
                tuple("links to /b/#instal but /b/ has no heading with the id 'instal'", "/b/#install"),
                tuple("links to /b/#配置 but /b/ has no heading with the id '配置'", "/b/#配置文件"),
                tuple("links to /b/#faq but /b/ has no heading with the id 'faq'", null));
    }

    @Test
    void headingIdsFromTheStructureCountAsAnchorsToo() {
        var a = page("a.md", "/a/", List.of("/b/#deep"), List.of());
        var b = new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "r", "c", "b.md", DocumentKind.MARKDOWN, "/b/", "t",
                "", null, null, null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(), List.of(), null,
                List.of(), new Structure(List.of(new Structure.Heading(4, "deep", "Deep", 9)), List.of(), List.of(),
                List.of(), List.of(), Map.of(), 1), List.of(), null);

        assertThat(BrokenLinks.find(List.of(a, b))).isEmpty();
    }

    @Test
    void aLinkToADraftIsBrokenAndADraftsOwnLinksAreNotChecked() {
        var a = page("a.md", "/a/", List.of("/wip/"), List.of());
        var wip = page("wip.md", "/wip/", List.of("/nowhere/"), List.of(), List.of(), true);

        assertThat(BrokenLinks.find(List.of(a, wip))).extracting(Diagnostic::message)
                .containsExactly("links to /wip/ but it is a draft, which is not published");
    }

    @Test
    void aRememberedCheckAgreesWithAFreshOneAfterEditsAndWhenALinkTargetGoes() {
        var memo = new BrokenLinks.Memo();
        var guide = page("docs/guide.md", "/docs/guide/", List.of("/docs/setup/#install"), List.of("usage"));
        var setup = page("docs/setup.md", "/docs/setup/", List.of(), List.of("install"));
        var faq = page("docs/faq.md", "/docs/faq/", List.of("/docs/guide/#usage"), List.of());
        assertThat(memo.find(List.of(guide, setup, faq), java.util.Set.of())).isEmpty();

        // An edit of one document that adds a broken link: only it is checked again, and it is found.
        var editedFaq = page("docs/faq.md", "/docs/faq/", List.of("/docs/guide/#usage", "/docs/missing/"), List.of());
        assertThat(memo.find(List.of(guide, setup, editedFaq), java.util.Set.of()))
                .extracting(Diagnostic::path, Diagnostic::message)
                .containsExactly(tuple("docs/faq.md", "links to /docs/missing/ but no page is published there"));
        var fixedGuide = page("docs/guide.md", "/docs/guide/", List.of("/docs/setup/#install", "/docs/faq/"), List.of("usage"));
        assertThat(memo.find(List.of(fixedGuide, setup, editedFaq), java.util.Set.of()))
                .as("a second edit, of another document, keeps the first one's finding")
                .isEqualTo(BrokenLinks.find(List.of(fixedGuide, setup, editedFaq))).hasSize(1);

        // The heading guide links to disappears from an unchanged-looking site: guide itself did not
        // change, yet its link is now broken, so the remembered result must not be used.
        var setupWithoutInstall = page("docs/setup.md", "/docs/setup/", List.of(), List.of("installing"));
        var site = List.of(guide, setupWithoutInstall, editedFaq);
        memo.find(List.of(guide, setup, editedFaq), java.util.Set.of());
        assertThat(memo.find(site, java.util.Set.of())).isEqualTo(BrokenLinks.find(site)).hasSize(2)
                .extracting(Diagnostic::path).containsExactly("docs/faq.md", "docs/guide.md");
    }

    @Test
    void whenOnlyGeneratedUrlsComeOrGoTheDocumentsThatLinkToThemAreCheckedAgain() {
        var memo = new BrokenLinks.Memo();
        var guide = page("docs/guide.md", "/docs/guide/", List.of("/categories/setup/", "/docs/faq/"), List.of());
        var faq = page("docs/faq.md", "/docs/faq/", List.of("/categories/setuq/"), List.of());
        var other = page("docs/other.md", "/docs/other/", List.of("/docs/guide/"), List.of());
        var site = List.of(guide, faq, other);
        var withCategory = java.util.Set.of("/categories/setup/");
        assertThat(memo.find(site, withCategory)).isEqualTo(BrokenLinks.find(site, withCategory))
                .extracting(Diagnostic::path).containsExactly("docs/faq.md");

        // The category page goes: the link to it breaks, and the typo's suggestion goes with it.
        var without = java.util.Set.of("/categories/other/");
        assertThat(memo.find(site, without)).isEqualTo(BrokenLinks.find(site, without))
                .extracting(Diagnostic::path, Diagnostic::message).containsExactly(
                        tuple("docs/faq.md", "links to /categories/setuq/ but no page is published there"),
                        tuple("docs/guide.md", "links to /categories/setup/ but no page is published there"));
        // And comes back.
        assertThat(memo.find(site, withCategory)).isEqualTo(BrokenLinks.find(site, withCategory)).hasSize(1);
    }
}
