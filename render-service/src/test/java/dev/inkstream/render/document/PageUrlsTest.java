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
}
