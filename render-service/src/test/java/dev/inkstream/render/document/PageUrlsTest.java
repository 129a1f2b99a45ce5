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
    void linksResolveToTheSiteUrlTheyPointAtWithTheirAnchor() {
        assertThat(PageUrls.target("posts/2026-02-01/a.md", "a_zh.md")).hasValue(PageUrls.of("posts/2026-02-01/a_zh.md"));
        assertThat(PageUrls.target("posts/2026-02-01/a.md", "../2026-01-01/x.md#setup"))
                .hasValue("/posts/2026-01-01/x/#setup");
        assertThat(PageUrls.target("posts/a.md", "/docs/guide.md")).hasValue("/docs/guide/");
        assertThat(PageUrls.target("posts/a.md", "img/x.png")).hasValue("/posts/img/x.png");
        assertThat(PageUrls.target("posts/a.md", "#%E9%85%8D%E7%BD%AE")).hasValue("/posts/a/#配置");
        assertThat(PageUrls.target("posts/a.md", "my%20notes.md?plain=1")).hasValue("/posts/my-notes/");
        assertThat(PageUrls.target("posts/a.md", "../")).hasValue("/");
        assertThat(PageUrls.target("posts/a.md", "C++.md")).hasValue("/posts/C++/");
    }

    @Test
    void linksThatLeaveTheSiteHaveNoTarget() {
        assertThat(PageUrls.target("a.md", "https://example.org/x.md")).isEmpty();
        assertThat(PageUrls.target("a.md", "//cdn.example.org/x.js")).isEmpty();
        assertThat(PageUrls.target("a.md", "mailto:me@example.org")).isEmpty();
        assertThat(PageUrls.target("a.md", "javascript:alert(1)")).isEmpty();
        assertThat(PageUrls.relativeLink("a.md", "https://example.org/x.md")).isEqualTo("https://example.org/x.md");
    }

    @Test
    void rootAbsoluteLinksBecomeRelativeSoTheSiteCanLiveUnderAPrefix() {
        assertThat(PageUrls.relativeLink("posts/a.md", "/docs/guide.md#install")).isEqualTo("../../docs/guide/#install");
        assertThat(PageUrls.relativeLink("posts/a.md", "/img/logo.png")).isEqualTo("../../img/logo.png");
        assertThat(PageUrls.relativeLink("posts/a.md", "#top")).isEqualTo("#top");
    }

    @Test
    void frontMatterUrlsSlugsAndAliases() {
        assertThat(PageUrls.normalizeUrl("about/me")).isEqualTo("/about/me/");
        assertThat(PageUrls.normalizeUrl("/old//page.html")).isEqualTo("/old/page.html");
        assertThat(PageUrls.withSlug("/posts/2026-01-05/hello/", "hello-world")).isEqualTo("/posts/2026-01-05/hello-world/");
        assertThat(PageUrls.withSlug("/", "home")).isEqualTo("/home/");
        assertThat(PageUrls.resolveAlias("/posts/hello/", "/2019/01/hello")).isEqualTo("/2019/01/hello/");
        assertThat(PageUrls.resolveAlias("/posts/hello/", "old-hello")).isEqualTo("/posts/old-hello/");
        assertThat(PageUrls.resolveAlias("/posts/hello/", "../legacy/hello.html")).isEqualTo("/legacy/hello.html");
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
