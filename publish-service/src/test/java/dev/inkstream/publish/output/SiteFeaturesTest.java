package dev.inkstream.publish.output;

import static dev.inkstream.publish.Fixtures.config;
import static dev.inkstream.publish.Fixtures.layout;
import static dev.inkstream.publish.Fixtures.page;
import static dev.inkstream.publish.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.publish.feeds.Sitemaps;
import dev.inkstream.publish.feeds.SitemapsAccess;
import dev.inkstream.publish.output.OutputObject.Role;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/** The site publish makes from a bilingual blog: pages, lists, tags, feeds, sitemap, aliases, layouts. */
class SiteFeaturesTest {

    private final SiteOutputs outputs = new SiteOutputs();

    private static Map<String, RenderedDocument> bilingualBlog() {
        return site(
                config("inkstream.yaml", "Field Notes", "https://notes.example.org/", "en", List.of("en", "zh"),
                        Map.of("description", "Notes from the field", "paginate", 2)),
                config("hugo.toml", "Old Hugo title", "https://old.example.org/", "fr", List.of("fr"), Map.of()),
                page("README.md", "/", "Welcome").lang("en").html("<h1 id=\"welcome\">Welcome</h1><p>Welcome body</p>").build(),
                page("posts/kafka.md", "/posts/kafka/", "Kafka in practice").date("2026-03-01").lang("en")
                        .translationKey("kafka").tags("kafka", "Streams").aliases("/2026/03/kafka.html", "old/kafka")
                        .lastmod("2026-03-02T10:00:00Z").params(Map.of("categories", List.of("Engineering"))).build(),
                page("posts/kafka_zh.md", "/posts/kafka_zh/", "Kafka 实战").date("2026-03-01").lang("zh")
                        .translationKey("kafka").tags("kafka").build(),
                page("posts/s3.md", "/posts/s3/", "Object stores").date("2026-02-01").lang("en").tags("storage")
                        .html("<p>See <a href=\"../kafka/\">Kafka</a> and <img src=\"img/a.png\" alt=\"a\"></p>"
                                + "<pre><code class=\"language-java\">int x;</code></pre>").build(),
                page("posts/old.md", "/posts/old/", "An old post").date("2025-01-01").lang("en").build(),
                page("posts/lonely_zh.md", "/posts/lonely_zh/", "只有中文").date("2025-06-01").lang("zh")
                        .translationKey("lonely").build());
    }

    @Test
    void theWinningConfigGivesTitleBaseUrlAndLanguagesAndTheOperatorTitleIsOnlyAFallback() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("Operator title", bilingualBlog(), "c"));

        Document home = html(objects, "index.html");
        assertThat(home.title()).isEqualTo("Field Notes");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("https://notes.example.org/");
        assertThat(home.select("meta[name=description]").attr("content")).isEqualTo("Notes from the field");
        assertThat(home.select("header nav a[hreflang]")).extracting(e -> e.attr("href"))
                .containsExactly("./", "./zh/");

        var withoutConfig = site(page("a.md", "/a/", "A").build());
        assertThat(html(new SiteOutputs().outputs(new SiteOutputs.Site("Operator title", withoutConfig, "c")),
                "index.html").title()).isEqualTo("Operator title");
    }

    @Test
    void aPostHasCanonicalOpenGraphHreflangAlternatesAndASwitcherListingOnlyTranslationsThatExist() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        Document post = html(objects, "posts/kafka/index.html");
        assertThat(post.select("link[rel=canonical]").attr("href")).isEqualTo("https://notes.example.org/posts/kafka/");
        assertThat(post.select("meta[property=og:title]").attr("content")).isEqualTo("Kafka in practice");
        assertThat(post.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(post.select("meta[property=og:url]").attr("content")).isEqualTo("https://notes.example.org/posts/kafka/");
        assertThat(post.select("meta[name=description]").attr("content")).isEqualTo("Kafka in practice body");
        assertThat(post.select("link[rel=alternate][hreflang]")).extracting(e -> e.attr("hreflang") + " " + e.attr("href"))
                .containsExactly("en https://notes.example.org/posts/kafka/", "zh https://notes.example.org/posts/kafka_zh/",
                        "x-default https://notes.example.org/posts/kafka/");
        assertThat(post.select("nav.translations a")).extracting(e -> e.attr("lang") + " " + e.attr("href") + " " + e.text())
                .containsExactly("zh ../../posts/kafka_zh/ 中文");
        assertThat(post.select("ul.tags a")).extracting(e -> e.attr("href")).containsExactly("../../tags/kafka/", "../../tags/streams/");
        assertThat(post.select("time").first().attr("datetime")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(post.select(".meta").text()).contains("1 min read");

        Document lonely = html(objects, "posts/lonely_zh/index.html");
        assertThat(lonely.select("nav.translations")).as("no translation exists").isEmpty();
        assertThat(lonely.select("link[hreflang]")).isEmpty();
        assertThat(lonely.select("html").attr("lang")).isEqualTo("zh");
    }

    @Test
    void theDefaultLanguageIsListedAtTheRootOtherLanguagesUnderTheirCodeBothPaginated() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        assertThat(html(objects, "index.html").select("ul.posts > li > h3 a")).as("the home body has the h1")
                .extracting(e -> e.text()).containsExactly("Kafka in practice", "Object stores");
        assertThat(html(objects, "index.html").select("h1")).hasSize(1);
        Document second = html(objects, "page/2/index.html");
        assertThat(second.select("ul.posts > li h2 a")).extracting(e -> e.text()).containsExactly("An old post");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("../../");
        assertThat(html(objects, "index.html").select("a[rel=next]").attr("href")).isEqualTo("./page/2/");
        assertThat(html(objects, "index.html").select(".home-body").text()).isEqualTo("Welcome Welcome body");

        Document zh = html(objects, "zh/index.html");
        assertThat(zh.select("html").attr("lang")).isEqualTo("zh");
        assertThat(zh.select("ul.posts > li h2 a")).extracting(e -> e.text()).containsExactly("Kafka 实战", "只有中文");
        assertThat(zh.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo("../zh/feed.xml");
        assertThat(zh.select("h1").text()).as("the theme speaks the page's language").isEqualTo("最新文章");
        assertThat(zh.select("header nav a[aria-current]")).extracting(e -> e.attr("lang")).containsExactly("zh");
        assertThat(html(objects, "tags/kafka/index.html").select("header nav a[aria-current]"))
                .as("a tag page is in no one language").isEmpty();
    }

    @Test
    void tagAndCategoryPagesListTheirPostsAndAnIndexListsEveryTag() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        assertThat(html(objects, "tags/kafka/index.html").select("ul.posts > li h2 a")).extracting(e -> e.text())
                .containsExactlyInAnyOrder("Kafka in practice", "Kafka 实战");
        assertThat(html(objects, "tags/kafka/index.html").title()).isEqualTo("kafka · Field Notes");
        assertThat(html(objects, "categories/engineering/index.html").select("ul.posts a")).extracting(e -> e.text())
                .contains("Kafka in practice");
        assertThat(html(objects, "tags/index.html").select("ul.tags a")).extracting(e -> e.attr("href"))
                .containsExactly("../tags/kafka/", "../tags/storage/", "../tags/streams/");
        assertThat(role(objects, "tags/kafka/index.html")).isEqualTo(Role.AGGREGATE);
    }

    @Test
    void aliasesRedirectWithMetaRefreshCanonicalAndALink() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        Document redirect = html(objects, "2026/03/kafka.html");
        assertThat(redirect.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=../../posts/kafka/");
        assertThat(redirect.select("link[rel=canonical]").attr("href")).isEqualTo("https://notes.example.org/posts/kafka/");
        assertThat(redirect.select("a").attr("href")).isEqualTo("../../posts/kafka/");
        assertThat(html(objects, "old/kafka/index.html").select("a").attr("href")).isEqualTo("../../posts/kafka/");
        assertThat(role(objects, "old/kafka/index.html")).isEqualTo(Role.PAGE);
    }

    @Test
    void robotsNamesTheSitemapAndHashedThemeAssetsAreServedAndLinked() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        assertThat(text(objects, "robots.txt")).contains("User-agent: *", "Disallow: /_inkstream/",
                "Sitemap: https://notes.example.org/sitemap.xml");
        OutputObject css = objects.stream().filter(o -> o.key().matches("assets/site\\.[0-9a-f]{10}\\.css")).findFirst()
                .orElseThrow();
        assertThat(css.role()).isEqualTo(Role.ASSET);
        assertThat(new String(css.content(), StandardCharsets.UTF_8)).contains("prefers-color-scheme: dark", ".hljs");
        Document withCode = html(objects, "posts/s3/index.html");
        assertThat(withCode.select("link[rel=stylesheet]").attr("href")).isEqualTo("../../" + css.key());
        assertThat(withCode.select("script[src]").attr("src")).matches("\\.\\./\\.\\./assets/highlight\\.[0-9a-f]{10}\\.js");
        assertThat(html(objects, "posts/old/index.html").select("script")).as("no code, no highlighter").isEmpty();
        assertThat(objects).filteredOn(o -> o.key().startsWith("assets/highlight.")).singleElement()
                .satisfies(o -> assertThat(new String(o.content(), StandardCharsets.UTF_8)).contains("hljs.highlightAll()"));
    }

    @Test
    void feedsParseBackWithRomeAndCarryFullContentWithAbsoluteLinksLanguageAndGitDates() throws Exception {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        SyndFeed atom = rome(objects, "feed.xml");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getTitle()).isEqualTo("Field Notes (English)");
        assertThat(atom.getEntries()).extracting(e -> e.getTitle())
                .containsExactly("Kafka in practice", "Object stores", "An old post");
        var kafka = atom.getEntries().getFirst();
        assertThat(kafka.getUri()).isEqualTo("https://notes.example.org/posts/kafka/");
        assertThat(kafka.getLink()).isEqualTo("https://notes.example.org/posts/kafka/");
        assertThat(kafka.getUpdatedDate().toInstant()).hasToString("2026-03-02T10:00:00Z");
        assertThat(atom.getEntries().get(1).getContents().getFirst().getValue())
                .contains("href=\"https://notes.example.org/posts/kafka/\"", "src=\"https://notes.example.org/posts/s3/img/a.png\"");
        assertThat(xml(objects, "feed.xml").getDocumentElement().getAttribute("xml:lang")).isEqualTo("en");

        SyndFeed rss = rome(objects, "rss.xml");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getEntries()).hasSize(3);
        assertThat(rss.getLanguage()).isEqualTo("en");

        SyndFeed zh = rome(objects, "zh/feed.xml");
        assertThat(zh.getEntries()).extracting(e -> e.getTitle()).containsExactly("Kafka 实战", "只有中文");
        assertThat(xml(objects, "zh/feed.xml").getDocumentElement().getAttribute("xml:lang")).isEqualTo("zh");

        assertThat(rome(objects, "tags/kafka/feed.xml").getEntries()).hasSize(2);
        assertThat(rome(objects, "tags/kafka/rss.xml").getEntries()).hasSize(2);
        assertThat(role(objects, "feed.xml")).isEqualTo(Role.FEED);
    }

    @Test
    void jsonFeedsHaveTheRequiredFieldsOfVersionOnePointOne() {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        for (String key : List.of("feed.json", "zh/feed.json", "tags/kafka/feed.json")) {
            JsonNode feed = EventJson.mapper().readTree(text(objects, key));
            assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
            assertThat(feed.get("title").asString()).isNotBlank();
            assertThat(feed.get("feed_url").asString()).isEqualTo("https://notes.example.org/" + key);
            assertThat(feed.get("items").isArray()).isTrue();
            for (JsonNode item : feed.get("items")) {
                assertThat(item.get("id").asString()).isNotBlank();
                assertThat(item.has("content_html") || item.has("content_text")).isTrue();
                assertThat(item.get("url").asString()).startsWith("https://notes.example.org/");
            }
        }
    }

    @Test
    void summariesOnlyWhenTheSiteAsksForThem() throws Exception {
        var docs = site(config("inkstream.yaml", "T", "https://x.org/", null, List.of(), Map.of("feed", Map.of("content", "summary"))),
                page("a.md", "/a/", "A").date("2026-01-01").summary("Short").html("<p>Long body</p>").build());

        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        var entry = rome(objects, "feed.xml").getEntries().getFirst();
        assertThat(entry.getContents()).isEmpty();
        assertThat(entry.getDescription().getValue()).isEqualTo("Short");
        assertThat(EventJson.mapper().readTree(text(objects, "feed.json")).get("items").get(0).has("content_html")).isFalse();
    }

    @Test
    void withoutABaseUrlEntryIdsAreStableTagUris() throws Exception {
        var docs = site(page("a.md", "/a/", "A").date("2026-01-01").build());

        var entry = rome(outputs.outputs(new SiteOutputs.Site("S", docs, "c")), "feed.xml").getEntries().getFirst();

        assertThat(entry.getUri()).isEqualTo("tag:blog.inkstream.invalid,2026:/a/");
        assertThat(entry.getLink()).isEqualTo("/a/");
    }

    @Test
    void theSitemapListsEveryPageWithHreflangAlternatesXDefaultAndLastmod() throws Exception {
        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", bilingualBlog(), "c"));

        org.w3c.dom.Document sitemap = xml(objects, "sitemap.xml");
        NodeList urls = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        assertThat(urls.getLength()).isEqualTo(2 + 5);
        Element kafka = null;
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            if (url.getElementsByTagNameNS("*", "loc").item(0).getTextContent().equals("https://notes.example.org/posts/kafka/")) {
                kafka = url;
            }
        }
        assertThat(kafka).isNotNull();
        assertThat(kafka.getElementsByTagNameNS("*", "lastmod").item(0).getTextContent()).isEqualTo("2026-03-02T10:00:00Z");
        NodeList links = kafka.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        assertThat(links.getLength()).isEqualTo(3);
        assertThat(((Element) links.item(2)).getAttribute("hreflang")).isEqualTo("x-default");
        assertThat(((Element) links.item(1)).getAttribute("href")).isEqualTo("https://notes.example.org/posts/kafka_zh/");
    }

    @Test
    void aUserLayoutOverridesTheThemeTemplateByName() {
        var docs = bilingualBlog();
        docs.put("layouts/page.peb", layout("layouts/page.peb",
                "{% extends \"base\" %}{% block content %}<div class=\"mine\">{{ doc.title }}</div>{% endblock %}"));
        docs.put("layouts/_default/single.html", layout("layouts/_default/single.html", "{{ .Title }} is Hugo's, not ours"));

        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        Document post = html(objects, "posts/kafka/index.html");
        assertThat(post.select("div.mine").text()).isEqualTo("Kafka in practice");
        assertThat(post.select("header.site")).as("the theme's base still wraps it").isNotEmpty();
        assertThat(text(objects, SiteOutputs.DIAGNOSTICS_KEY)).doesNotContain("template-error");
    }

    @Test
    void aBrokenUserLayoutFallsBackToTheThemeAndIsReportedWithItsLine() {
        var docs = bilingualBlog();
        docs.put("layouts/page.peb", layout("layouts/page.peb", "{% extends \"base\" %}\n{% block content %}\n{{ doc.title | nosuchfilter }}\n{% endblock %}"));

        List<OutputObject> objects = outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        assertThat(html(objects, "posts/kafka/index.html").select("article h1").text()).isEqualTo("Kafka in practice");
        JsonNode report = EventJson.mapper().readTree(text(objects, SiteOutputs.DIAGNOSTICS_KEY));
        JsonNode layoutEntry = null;
        for (JsonNode entry : report.get("documents")) {
            if (entry.get("path").asString().equals("layouts/page.peb")) {
                layoutEntry = entry;
            }
        }
        assertThat(layoutEntry).isNotNull();
        assertThat(layoutEntry.get("diagnostics")).hasSize(1);
        JsonNode diagnostic = layoutEntry.get("diagnostics").get(0);
        assertThat(diagnostic.get("code").asString()).isEqualTo("template-error");
        assertThat(diagnostic.get("line").asInt()).isEqualTo(3);
        assertThat(diagnostic.get("message").asString()).startsWith("layouts/page.peb line 3: ").contains("nosuchfilter");
    }

    @Test
    void twoDocumentsClaimingOneUrlAreBothReportedAndTheWinnerIsTheSameWhateverTheOrder() {
        var first = site(page("b/index.md", "/b/", "From index").build(), page("b/README.md", "/b/", "From readme").build());
        var second = site(page("b/README.md", "/b/", "From readme").build(), page("b/index.md", "/b/", "From index").build());

        List<OutputObject> one = outputs.outputs(new SiteOutputs.Site("S", first, "c"));
        List<OutputObject> two = new SiteOutputs().outputs(new SiteOutputs.Site("S", second, "c"));

        assertThat(text(one, "b/index.html")).isEqualTo(text(two, "b/index.html")).contains("From readme");
        JsonNode report = EventJson.mapper().readTree(text(one, SiteOutputs.DIAGNOSTICS_KEY));
        assertThat(report.get("documents")).extracting(d -> d.get("path").asString() + " " + d.get("diagnostics").get(0).get("code").asString())
                .containsExactly("b/README.md url-conflict", "b/index.md url-conflict");
        assertThat(report.get("documents").get(1).get("diagnostics").get(0).get("message").asString())
                .contains("/b/ is also claimed by b/README.md, which is published there");
        assertThat(report.get("notPublished")).extracting(d -> d.get("path").asString()).containsExactly("b/index.md");
    }

    @Test
    void aStaleTranslationSaysWhenItsOriginalChangedAndLinksToIt() {
        var en = page("posts/a.md", "/posts/a/", "Alpha").lang("en").translationKey("posts/a").build();
        var zh = page("posts/a_zh.md", "/zh/posts/a/", "甲").lang("zh").translationKey("posts/a").build();
        var group = new dev.inkstream.events.TranslationGroup(dev.inkstream.events.TranslationGroup.SCHEMA_VERSION, "blog",
                "posts/a", Map.of("en", "posts/a.md", "zh", "posts/a_zh.md"), Map.of("en", "ok", "zh", "stale"), List.of(),
                "en", Map.of("en", new dev.inkstream.events.TranslationGroup.Member("posts/a.md", "/posts/a/", "Alpha",
                        java.time.Instant.parse("2026-03-05T10:00:00Z")),
                        "zh", new dev.inkstream.events.TranslationGroup.Member("posts/a_zh.md", "/zh/posts/a/", "甲",
                                java.time.Instant.parse("2026-01-08T10:00:00Z"))), "suffix");
        var documents = site(en, zh);

        List<OutputObject> stale = outputs.outputs(new SiteOutputs.Site("S", documents, "c", "/", "c", List.of(),
                Map.of("posts/a", group)));

        var notice = Jsoup.parse(text(stale, "zh/posts/a/index.html")).selectFirst("p.notice.stale");
        assertThat(notice).isNotNull();
        assertThat(notice.text()).contains("2026-03-05");
        assertThat(notice.selectFirst("a").attr("href")).isEqualTo("../../../posts/a/");
        assertThat(text(stale, "posts/a/index.html")).doesNotContain("notice stale");

        List<OutputObject> fresh = outputs.outputs(new SiteOutputs.Site("S", documents, "c", "/", "c", List.of(), Map.of()));
        assertThat(text(fresh, "zh/posts/a/index.html")).as("no group, no notice").doesNotContain("notice stale");
    }

    @Test
    void brokenLinksAreReportedAndLinksToGeneratedPagesAreNot() {
        var docs = site(page("posts/a.md", "/posts/a/", "A").tags("go")
                        .links("/posts/gone/", "/tags/go/", "/tags/", "/feed.xml", "/posts/b/").build(),
                page("posts/b.md", "/posts/b/", "B").build());

        JsonNode report = EventJson.mapper().readTree(text(outputs.outputs(new SiteOutputs.Site("S", docs, "c")),
                SiteOutputs.DIAGNOSTICS_KEY));

        assertThat(report.get("documents")).hasSize(1);
        assertThat(report.get("documents").get(0).get("path").asString()).isEqualTo("posts/a.md");
        assertThat(report.get("documents").get(0).get("diagnostics")).extracting(d -> d.get("code").asString() + " "
                        + d.get("message").asString())
                .containsExactly("broken-link links to /posts/gone/ but no page is published there");
    }

    @Test
    void theSitemapBecomesAnIndexOverStablePartsPastTheLimit() {
        // The real part size is 1,000 URLs; this drives the same code with 2.
        List<Sitemaps.Url> urls = java.util.stream.IntStream.range(0, 5).mapToObj(i -> new Sitemaps.Url(
                "https://x.org/p" + i + "/", null, Map.of())).toList();

        Map<String, byte[]> files = SitemapsAccess.write("https://x.org/", urls, 2);

        assertThat(files).as("5 URLs, at most 2 to a part on average: 4 parts")
                .containsOnlyKeys("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml");
        assertThat(new String(files.get("sitemap.xml"), StandardCharsets.UTF_8))
                .contains("<sitemapindex", "<loc>https://x.org/sitemap-4.xml</loc>");
        String parts = files.entrySet().stream().filter(e -> !e.getKey().equals("sitemap.xml"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining());
        for (Sitemaps.Url url : urls) {
            assertThat(parts).as("each URL in exactly one part").containsOnlyOnce("<loc>" + url.location() + "</loc>");
        }
        assertThat(SitemapsAccess.write("https://x.org/", urls.subList(0, 2), 2)).as("a small site: one sitemap")
                .containsOnlyKeys("sitemap.xml");
    }

    @Test
    void anEditRewritesOnePartOfALargeSitemapAndNotItsIndex() {
        Map<String, RenderedDocument> docs = new HashMap<>();
        for (int i = 0; i < 2_500; i++) {
            docs.put("posts/p" + i + ".md", page("posts/p" + i + ".md", "/posts/p" + i + "/", "P" + i).build());
        }
        SiteOutputs outputs = new SiteOutputs();
        Map<String, byte[]> before = sitemaps(outputs.outputs(new SiteOutputs.Site("S", docs, "c")));
        docs.put("posts/p7.md", page("posts/p7.md", "/posts/p7/", "P7").lastmod("2026-03-03T00:00:00Z").build());
        Map<String, byte[]> after = sitemaps(outputs.outputs(new SiteOutputs.Site("S", docs, "c")));

        assertThat(before).as("2,500 URLs: an index over 4 parts").hasSize(5);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<String> changed = after.keySet().stream().filter(key -> !Arrays.equals(before.get(key), after.get(key))).toList();
        assertThat(changed).hasSize(1).allMatch(key -> key.startsWith("sitemap-"));
        assertThat(new String(after.get(changed.get(0)), StandardCharsets.UTF_8))
                .containsPattern("<loc>[^<]*/posts/p7/</loc><lastmod>2026-03-03T00:00:00Z</lastmod>");
    }

    private static Map<String, byte[]> sitemaps(List<OutputObject> objects) {
        Map<String, byte[]> sitemaps = new TreeMap<>();
        objects.stream().filter(o -> o.key().startsWith("sitemap")).forEach(o -> sitemaps.put(o.key(), o.content()));
        return sitemaps;
    }

    static Document html(List<OutputObject> objects, String key) {
        return Jsoup.parse(text(objects, key));
    }

    static Role role(List<OutputObject> objects, String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow().role();
    }

    static String text(List<OutputObject> objects, String key) {
        return new String(objects.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no object " + key)).content(), StandardCharsets.UTF_8);
    }

    static SyndFeed rome(List<OutputObject> objects, String key) throws Exception {
        return new SyndFeedInput().build(new InputSource(new StringReader(text(objects, key))));
    }

    static org.w3c.dom.Document xml(List<OutputObject> objects, String key) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                objects.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow().content()));
    }
}
