package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageUrlsTest {

    @Test
    void prettyUrlsWithIndexFilesStandingForTheirFolder() {
        assertThat(PageUrls.of("posts/hello.md")).isEqualTo("/posts/hello/");
        assertThat(PageUrls.of("README.md")).isEqualTo("/");
        assertThat(PageUrls.of("docs/_index.md")).isEqualTo("/docs/");
        assertThat(PageUrls.of("cv.txt")).isEqualTo("/cv/");
        assertThat(PageUrls.of("v1.2/notes.md")).isEqualTo("/v1.2/notes/");
    }

    @Test
    void relativeLinksBetweenPages() {
        assertThat(PageUrls.relativeLink("posts/a.md", "b.md")).isEqualTo("../b/");
        assertThat(PageUrls.relativeLink("posts/a.md", "../about.md#me")).isEqualTo("../../about/#me");
        assertThat(PageUrls.relativeLink("README.md", "posts/a.md")).isEqualTo("posts/a/");
        assertThat(PageUrls.relativeLink("posts/a.md", "../README.md")).isEqualTo("../../");
        assertThat(PageUrls.relativeLink("posts/a.md", "a.md#top")).isEqualTo("./#top");
    }

    @Test
    void relativeLinksToOtherFilesPointWhereTheyArePublished() {
        assertThat(PageUrls.relativeLink("posts/2026-01-01/a.md", "img/x.png")).isEqualTo("../img/x.png");
        assertThat(PageUrls.relativeLink("posts/a.md", "../files/cv.pdf")).isEqualTo("../../files/cv.pdf");
        assertThat(PageUrls.relativeLink("README.md", "logo.svg")).isEqualTo("logo.svg");
        assertThat(PageUrls.relativeLink("posts/a.md", "../")).isEqualTo("../../");
        assertThat(PageUrls.relativeLink("posts/a.md", "cv.txt")).isEqualTo("../cv/");
    }

    @Test
    void translationsArePublishedUnderTheirLanguageWithTheMarkerRemoved() {
        assertThat(PageUrls.of("posts/a_zh.md")).isEqualTo("/zh/posts/a/");
        assertThat(PageUrls.of("posts/a.zh-CN.md")).isEqualTo("/zh-CN/posts/a/");
        assertThat(PageUrls.of("content/zh/posts/a.md")).isEqualTo("/zh/posts/a/");
        assertThat(PageUrls.of("README.zh-CN.md")).isEqualTo("/zh-CN/");
        assertThat(PageUrls.of("posts/a.md")).isEqualTo("/posts/a/");
        assertThat(PageUrls.of("posts/my-notes-on.md")).isEqualTo("/posts/my-notes-on/");
    }

    @Test
    void theDefaultLanguageStaysAtTheRootWhenKnown() {
        assertThat(PageUrls.of("posts/a_en.md", "en")).isEqualTo("/posts/a/");
        assertThat(PageUrls.of("posts/a_zh.md", "en")).isEqualTo("/zh/posts/a/");
        assertThat(PageUrls.of("posts/a_en.md")).isEqualTo("/en/posts/a/");
    }

    @Test
    void linksToATranslationPointAtItsLanguageFolder() {
        assertThat(PageUrls.relativeLink("posts/a.md", "a_zh.md")).isEqualTo("../../zh/posts/a/");
        assertThat(PageUrls.relativeLink("posts/a_zh.md", "a.md")).isEqualTo("../../../posts/a/");
    }
}
