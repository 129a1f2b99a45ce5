package dev.inkstream.publish.output;

import static dev.inkstream.publish.Fixtures.config;
import static dev.inkstream.publish.Fixtures.page;
import static dev.inkstream.publish.Fixtures.site;
import static dev.inkstream.publish.output.SiteFeaturesTest.html;
import static dev.inkstream.publish.output.SiteFeaturesTest.rome;
import static dev.inkstream.publish.output.SiteFeaturesTest.text;
import static dev.inkstream.publish.output.SiteFeaturesTest.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.EventJson;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Titles, tags and URLs with quotes, markup characters, emoji, CJK and right-to-left text: every
 * output still parses, and the text comes back as written, never as markup.
 */
class HostileInputTest {

    private static final String TITLE = "\"Quotes\" & <b>tags</b> 'single' 🚀 中文标题 עברית";
    private static final String TAG = "C++ & <Rust> \"🦀\"";

    @Test
    void everyOutputParsesAndCarriesTheTextEscaped() throws Exception {
        var docs = site(
                config("inkstream.yaml", "Site <&> \"名\"", "https://x.example/", "en", List.of("en", "ar"), Map.of()),
                page("posts/q&a \"1\".md", "/posts/q&a-\"1\"/", TITLE).date("2026-01-01").lang("en").translationKey("k")
                        .tags(TAG, "🚀", "日本語", "עברית").summary("<script>alert(1)</script> & more").build(),
                page("posts/ar.md", "/posts/ar/", "مرحبا \"بالعالم\" <>").date("2026-01-02").lang("ar").translationKey("k")
                        .tags(TAG).build());

        List<OutputObject> objects = new SiteOutputs().outputs(new SiteOutputs.Site("S", docs, "c"));

        for (OutputObject object : objects) {
            String key = object.key();
            if (key.endsWith(".html")) {
                Document parsed = Parser.htmlParser().setTrackErrors(50).parseInput(text(objects, key), "");
                assertThat(parsed.parser().getErrors()).as(key).isEmpty();
                assertThat(parsed.select("script:not([src])")).as(key).isEmpty();
                assertThat(parsed.select("b")).as("the title's <b> stays text in " + key).isEmpty();
            } else if (key.endsWith(".xml")) {
                assertThat(xml(objects, key).getDocumentElement()).as(key).isNotNull();
                if (key.endsWith("feed.xml") || key.endsWith("rss.xml")) {
                    assertThat(rome(objects, key).getEntries()).as(key).isNotEmpty();
                }
            } else if (key.endsWith(".json")) {
                assertThat(EventJson.mapper().readTree(text(objects, key)).isObject()).as(key).isTrue();
            }
        }

        Document post = html(objects, "posts/q&a-\"1\"/index.html");
        assertThat(post.title()).isEqualTo(TITLE + " · Site <&> \"名\"");
        assertThat(post.select("h1").text()).isEqualTo(TITLE);
        assertThat(post.select("meta[property=og:title]").attr("content")).isEqualTo(TITLE);
        assertThat(post.select("meta[name=description]").attr("content")).isEqualTo("<script>alert(1)</script> & more");
        assertThat(post.select("ul.tags a")).extracting(e -> e.text() + " " + e.attr("href")).containsExactly(
                "#" + TAG + " ../../tags/c-rust/", "#🚀 ../../tags/tag-" + SiteUrls.shortHash("🚀") + "/",
                "#日本語 ../../tags/日本語/", "#עברית ../../tags/עברית/");
        assertThat(post.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://x.example/posts/q&a-%221%22/");

        Document arabic = html(objects, "posts/ar/index.html");
        assertThat(arabic.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.select("html").attr("lang")).isEqualTo("ar");

        var entry = rome(objects, "feed.xml").getEntries().getFirst();
        assertThat(entry.getTitle()).isEqualTo(TITLE);
        assertThat(entry.getCategories()).extracting(c -> c.getName()).contains(TAG, "🚀");
        assertThat(entry.getLink()).isEqualTo("https://x.example/posts/q&a-%221%22/");
        assertThat(EventJson.mapper().readTree(text(objects, "feed.json")).get("items").get(0).get("title").asString())
                .isEqualTo(TITLE);
        assertThat(text(objects, "sitemap.xml")).contains("<loc>https://x.example/posts/q&amp;a-%221%22/</loc>");
        assertThat(rome(objects, "tags/c-rust/feed.xml").getTitle()).isEqualTo("Site <&> \"名\" · " + TAG);
    }
}
