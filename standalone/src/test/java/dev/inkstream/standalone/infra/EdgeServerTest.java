package dev.inkstream.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeServerTest {

    @Test
    void treatsANonEmptyKeyPrefixAsAFolder() {
        assertThat(EdgeServer.folder("")).isEmpty();
        assertThat(EdgeServer.folder("/")).isEmpty();
        assertThat(EdgeServer.folder("site")).isEqualTo("site/");
        assertThat(EdgeServer.folder("/site/")).isEqualTo("site/");
        assertThat(EdgeServer.folder("a/b")).isEqualTo("a/b/");
    }

    @Test
    void mapsSlashPathsToTheirIndexPage() {
        assertThat(EdgeServer.keyFor("", "/")).isEqualTo("index.html");
        assertThat(EdgeServer.keyFor("", "/posts/hello/")).isEqualTo("posts/hello/index.html");
        assertThat(EdgeServer.keyFor("", "/feed.xml")).isEqualTo("feed.xml");
        assertThat(EdgeServer.keyFor("site/", "/")).isEqualTo("site/index.html");
        assertThat(EdgeServer.keyFor("site/", "/posts/hello")).isEqualTo("site/posts/hello");
    }

    @Test
    void rejectsTraversalNulBackslashAndEmptySegments() {
        assertThat(EdgeServer.isSafePath("/posts/hello/")).isTrue();
        assertThat(EdgeServer.isSafePath("/v1..v2.html")).isTrue();
        assertThat(EdgeServer.isSafePath("/../etc/passwd")).isFalse();
        assertThat(EdgeServer.isSafePath("/posts/..")).isFalse();
        assertThat(EdgeServer.isSafePath("/a\0.html")).isFalse();
        assertThat(EdgeServer.isSafePath("/a\\b")).isFalse();
        assertThat(EdgeServer.isSafePath("//etc/passwd")).isFalse();
        assertThat(EdgeServer.isSafePath("/posts//hello")).isFalse();
    }

    @Test
    void matchesIfNoneMatchWeaklyAndInLists() {
        String etag = "\"0123abcd\"";
        assertThat(EdgeServer.etagMatches("\"0123abcd\"", etag)).isTrue();
        assertThat(EdgeServer.etagMatches("W/\"0123abcd\"", etag)).isTrue();
        assertThat(EdgeServer.etagMatches("\"ffff\", W/\"0123abcd\"", etag)).isTrue();
        assertThat(EdgeServer.etagMatches("*", etag)).isTrue();
        assertThat(EdgeServer.etagMatches("\"ffff\"", etag)).isFalse();
        assertThat(EdgeServer.etagMatches("\"0123abc\"", etag)).isFalse();
        assertThat(EdgeServer.etagMatches("", etag)).isFalse();
        assertThat(EdgeServer.etagMatches(null, etag)).isFalse();
        assertThat(EdgeServer.etagMatches("*", null)).isFalse();
    }
}
