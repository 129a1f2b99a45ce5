package dev.inkstream.publish.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.publish.output.OutputObject.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ObjectHeadersTest {

    private final ObjectHeaders headers = new ObjectHeaders("page", "asset", "immutable", "feed", "manifest");

    @Test
    void rolesFollowFromTheKeyForOutputsMadeWithoutOne() {
        assertThat(Role.ofKey("posts/a/index.html")).isEqualTo(Role.PAGE);
        assertThat(Role.ofKey("index.html")).isEqualTo(Role.AGGREGATE);
        assertThat(Role.ofKey("404.html")).isEqualTo(Role.AGGREGATE);
        assertThat(Role.ofKey("tags/go/index.html")).isEqualTo(Role.AGGREGATE);
        assertThat(Role.ofKey("feed.xml")).isEqualTo(Role.FEED);
        assertThat(Role.ofKey("feed.json")).isEqualTo(Role.FEED);
        assertThat(Role.ofKey("robots.txt")).isEqualTo(Role.FEED);
        assertThat(Role.ofKey("_inkstream/diagnostics.json")).isEqualTo(Role.MANIFEST);
        assertThat(Role.ofKey("img/cat.png")).isEqualTo(Role.ASSET);
    }

    @Test
    void cacheControlByRoleAndHashedAssetsForever() {
        assertThat(apply("posts/a/index.html", "text/html; charset=utf-8").cacheControl()).isEqualTo("page");
        assertThat(apply("index.html", "text/html; charset=utf-8").cacheControl()).isEqualTo("page");
        assertThat(apply("feed.xml", "application/atom+xml").cacheControl()).isEqualTo("feed");
        assertThat(apply("_inkstream/diagnostics.json", "application/json").cacheControl()).isEqualTo("manifest");
        assertThat(apply("img/cat.png", "image/png").cacheControl()).isEqualTo("asset");
        assertThat(apply("assets/app.3f9a1c2e.css", "text/css").cacheControl()).isEqualTo("immutable");
        assertThat(apply("assets/theme.0123456789abcdef.min.js", "text/javascript").cacheControl()).isEqualTo("immutable");
        // Too short, or not hex, or not between dots: a version or a word, not a content hash.
        assertThat(apply("assets/app.3f9a1c2.css", "text/css").cacheControl()).isEqualTo("asset");
        assertThat(apply("assets/deadbeefcafe.css", "text/css").cacheControl()).isEqualTo("asset");
        assertThat(apply("assets.3f9a1c2e.d/app.css", "text/css").cacheControl()).isEqualTo("asset");
    }

    @Test
    void generatedTextSaysUtf8AndAnAuthorsFileKeepsTheTypeItsNameGave() {
        assertThat(apply("feed.xml", "application/atom+xml").contentType()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(apply("robots.txt", "text/plain").contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(apply("feed.json", "application/feed+json").contentType()).isEqualTo("application/feed+json; charset=utf-8");
        assertThat(apply("index.html", "text/html; charset=utf-8").contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(apply("files/notes.txt", "text/plain").contentType()).isEqualTo("text/plain");
        assertThat(apply("img/cat.png", "image/png").contentType()).isEqualTo("image/png");
    }

    @Test
    void newHeadersMeanANewHashSoTheObjectIsUploadedAgain() {
        OutputObject page = OutputObject.of("feed.xml", bytes("<feed/>"), "application/atom+xml", "old");
        OutputObject asset = OutputObject.copy("img/cat.png", "_inkstream/blobs/b1", "b1", "image/png", "old");

        assertThat(headers.apply(page).sha256()).isNotEqualTo(page.sha256());
        assertThat(headers.apply(asset).sha256()).isNotEqualTo(asset.sha256())
                .isEqualTo(OutputObject.copy("img/cat.png", "_inkstream/blobs/b1", "b1", "image/png", "asset").sha256());
        assertThat(headers.apply(headers.apply(page))).isEqualTo(headers.apply(page));
    }

    private OutputObject apply(String key, String contentType) {
        return headers.apply(OutputObject.of(key, bytes("x"), contentType, "set by the site"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
