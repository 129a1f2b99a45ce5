package dev.inkstream.publish.output;

import static dev.inkstream.publish.Fixtures.config;
import static dev.inkstream.publish.Fixtures.layout;
import static dev.inkstream.publish.Fixtures.page;
import static dev.inkstream.publish.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.RenderedDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A release re-renders only the pages whose document or context changed, and the bytes say the same. */
class PageCacheTest {

    private static Map<String, RenderedDocument> blog(int posts) {
        Map<String, RenderedDocument> docs = site(config("inkstream.yaml", "Blog", "https://b.example/", "en",
                List.of("en", "zh"), Map.of()));
        IntStream.range(0, posts).forEach(i -> docs.put("p" + i + ".md", page("p" + i + ".md", "/p" + i + "/", "Post " + i)
                .date(String.format("2026-01-%02d", 1 + i % 28)).lang("en").translationKey("k" + i).tags("t" + i % 3).build()));
        docs.put("p0_zh.md", page("p0_zh.md", "/p0_zh/", "帖子 0").date("2026-01-01").lang("zh").translationKey("k0").build());
        return docs;
    }

    @Test
    void aOneDocumentChangeReRendersOnlyItsPageAndGivesTheBytesAFreshRenderWould() {
        SiteOutputs outputs = new SiteOutputs();
        Map<String, RenderedDocument> docs = blog(30);
        List<OutputObject> first = outputs.outputs(new SiteOutputs.Site("S", docs, "c"));
        assertThat(outputs.pagesRenderedLastTime()).isEqualTo(31);

        assertThat(outputs.factsMadeLastTime()).isEqualTo(31);
        for (int release = 0; release < 2; release++) {
            outputs.outputs(new SiteOutputs.Site("S", docs, "c"));
            assertThat(outputs.pagesRenderedLastTime()).as("nothing changed").isZero();
            assertThat(outputs.factsMadeLastTime()).as("every unchanged document's facts are carried, release after release").isZero();
        }

        docs.put("p7.md", page("p7.md", "/p7/", "Post 7, edited").date("2026-01-08").lang("en").translationKey("k7")
                .tags("t1").commit("c2").build());
        List<OutputObject> second = outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        assertThat(outputs.pagesRenderedLastTime()).isEqualTo(1);
        assertThat(second).extracting(OutputObject::sha256).as("cached pages are the pages a fresh render makes")
                .isEqualTo(new SiteOutputs().outputs(new SiteOutputs.Site("S", docs, "c")).stream()
                        .map(OutputObject::sha256).toList());
        // p7 is the 21st newest: not on the first list page nor in the feeds (20 entries), so they keep their bytes.
        assertThat(changedKeys(first, second)).containsExactlyInAnyOrder("p7/index.html", "page/3/index.html",
                "tags/t1/index.html", "tags/t1/feed.xml", "tags/t1/rss.xml", "tags/t1/feed.json");
    }

    @Test
    void aNewTranslationReRendersThePagesWhoseSwitcherChanged() {
        SiteOutputs outputs = new SiteOutputs();
        Map<String, RenderedDocument> docs = blog(10);
        outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        docs.put("p3_zh.md", page("p3_zh.md", "/p3_zh/", "帖子 3").date("2026-01-04").lang("zh").translationKey("k3").build());
        outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        assertThat(outputs.pagesRenderedLastTime()).as("p3 and its new translation").isEqualTo(2);
    }

    @Test
    void aLayoutOrConfigChangeReRendersEveryPage() {
        SiteOutputs outputs = new SiteOutputs();
        Map<String, RenderedDocument> docs = blog(10);
        outputs.outputs(new SiteOutputs.Site("S", docs, "c"));

        docs.put("layouts/page.peb", layout("layouts/page.peb", "{% extends \"base\" %}"));
        outputs.outputs(new SiteOutputs.Site("S", docs, "c"));
        assertThat(outputs.pagesRenderedLastTime()).isEqualTo(11);

        docs.put("inkstream.yaml", config("inkstream.yaml", "Renamed", "https://b.example/", "en", List.of("en", "zh"), Map.of()));
        outputs.outputs(new SiteOutputs.Site("S", docs, "c"));
        assertThat(outputs.pagesRenderedLastTime()).isEqualTo(11);
    }

    @Test
    void aTemplateErrorIsReportedOnEveryReleaseNotOnlyTheOneThatRenderedIt() {
        SiteOutputs outputs = new SiteOutputs();
        Map<String, RenderedDocument> docs = blog(3);
        docs.put("layouts/index.peb", layout("layouts/index.peb", "{{ entries | nosuchfilter }}"));
        docs.put("layouts/page.peb", layout("layouts/page.peb", "{% if %}"));

        outputs.outputs(new SiteOutputs.Site("S", docs, "c"));
        String again = SiteFeaturesTest.text(outputs.outputs(new SiteOutputs.Site("S", docs, "c")), SiteOutputs.DIAGNOSTICS_KEY);

        assertThat(outputs.pagesRenderedLastTime()).isZero();
        assertThat(again).contains("layouts/index.peb line 1", "layouts/page.peb line 1", "template-error");
    }

    @Test
    void aFirstReleaseOfManyPagesRenderedOnEveryCoreGivesTheBytesOfOneAtATime() {
        Map<String, RenderedDocument> docs = blog(150);
        List<OutputObject> atOnce = new SiteOutputs().outputs(new SiteOutputs.Site("S", docs, "c"));

        // Growing the site by fewer pages than make a release parallel: each release renders on one thread.
        SiteOutputs grown = new SiteOutputs();
        Map<String, RenderedDocument> some = new java.util.HashMap<>();
        List<OutputObject> oneAtATime = List.of();
        for (var document : docs.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            some.put(document.getKey(), document.getValue());
            if (some.size() % 40 == 0 || some.size() == docs.size()) {
                oneAtATime = grown.outputs(new SiteOutputs.Site("S", some, "c"));
                assertThat(grown.pagesRenderedLastTime()).isLessThan(64);
            }
        }
        assertThat(atOnce).extracting(OutputObject::key, OutputObject::sha256)
                .isEqualTo(oneAtATime.stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.key(), o.sha256())).toList());
    }

    private static Set<String> changedKeys(List<OutputObject> before, List<OutputObject> after) {
        Map<String, String> old = before.stream().collect(Collectors.toMap(OutputObject::key, OutputObject::sha256));
        return after.stream().filter(o -> !o.sha256().equals(old.get(o.key()))).map(OutputObject::key)
                .collect(Collectors.toSet());
    }
}
