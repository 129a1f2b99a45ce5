package dev.inkstream.publish.output;

import static dev.inkstream.publish.Fixtures.config;
import static dev.inkstream.publish.Fixtures.page;
import static dev.inkstream.publish.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.TranslationGroup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An edit that moves nothing (every replaced document keeps its URL, date, language, translation
 * group, tags, categories and aliases) is published from the last release's indexes with the
 * replacements put in place. Whatever the edit, the release must be the one a publisher without
 * any memory of earlier releases makes from the same documents: the same keys, in the same order,
 * with the same bytes and headers.
 */
class CarriedReleaseTest {

    private final Map<String, RenderedDocument> docs = blog();
    private Map<String, TranslationGroup> translations = Map.of();
    private int commit;

    private static Map<String, RenderedDocument> blog() {
        Map<String, RenderedDocument> docs = site(config("inkstream.yaml", "Blog", "https://b.example/", "en",
                List.of("en", "zh"), Map.of("paginate", 4)));
        docs.put("README.md", page("README.md", "/", "Home").lang("en").translationKey("home").build());
        docs.put("README_zh.md", page("README_zh.md", "/zh/", "首页").lang("zh").translationKey("home").build());
        for (int i = 0; i < 24; i++) {
            docs.put(post(i), page(post(i), "/p" + i + "/", "Post " + i).date(String.format("2026-01-%02d", 1 + i))
                    .lang("en").translationKey("k" + i).tags("t" + i % 3, "all").params(Map.of("categories", "c" + i % 2))
                    .links(i % 4 == 0 ? new String[] {"/img/a.png"} : new String[0]).build());
        }
        for (int i = 0; i < 24; i += 5) {
            String path = "p" + i + "_zh.md";
            docs.put(path, page(path, "/zh/p" + i + "/", "帖子 " + i).date(String.format("2026-01-%02d", 1 + i))
                    .lang("zh").translationKey("k" + i).tags("t" + i % 3).build());
        }
        docs.put("old.md", page("old.md", "/old/", "Moved").date("2025-12-01").lang("en").aliases("/2025/old/").build());
        // What the diagnostics report: an alias where a page is, a link to nowhere.
        docs.put("clash.md", page("clash.md", "/clash/", "Clash").date("2025-11-01").lang("en").aliases("/p3/")
                .links("/missing/").build());
        docs.put("img/a.png", asset("img/a.png", "blob-a1"));
        docs.put("img/b.png", asset("img/b.png", "blob-b1"));
        return docs;
    }

    private static String post(int i) {
        return "p" + i + ".md";
    }

    private static RenderedDocument asset(String path, String blob) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", "c1", path, DocumentKind.ASSET, "/" + path,
                path, "", null, null, null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(), List.of(),
                "_inkstream/blobs/" + blob, List.of(), null, List.of(), null);
    }

    /** {@code path} again, as a later commit rendered it, changed by {@code edit}. */
    private void edit(String path, Consumer<Edit> edit) {
        RenderedDocument d = docs.get(path);
        Edit e = new Edit(d);
        edit.accept(e);
        commit++;
        docs.put(path, new RenderedDocument(d.schemaVersion(), d.repo(), "c" + (commit + 1), d.path(), d.kind(), d.url(),
                e.title, e.html, e.date, d.lastmod(), d.language(), d.translationKey(), e.tags, d.summary(), d.toc(),
                e.links, d.fingerprint(), e.draft, e.params, d.diagnostics(), e.blobRef, d.aliases(), d.structure(),
                d.history(), d.siteConfig()));
    }

    private static final class Edit {
        String title;
        String html;
        Instant date;
        List<String> tags;
        List<String> links;
        boolean draft;
        Map<String, Object> params;
        String blobRef;

        Edit(RenderedDocument d) {
            title = d.title();
            html = d.html();
            date = d.date();
            tags = d.tags();
            links = d.links();
            draft = d.draft();
            params = d.params();
            blobRef = d.blobRef();
        }
    }

    private SiteOutputs.Site siteNow() {
        return new SiteOutputs.Site("S", docs, "public, max-age=60", "/", "public, max-age=600", List.of(), translations);
    }

    /** Publishes the documents as they are now with {@code outputs}; checks them against a fresh publisher's. */
    private List<OutputObject> release(SiteOutputs outputs, boolean carried) {
        List<OutputObject> made = outputs.outputs(siteNow());
        assertThat(outputs.carriedLastTime()).as("carried the last release's indexes").isEqualTo(carried);
        List<OutputObject> fresh = new SiteOutputs().outputs(siteNow());
        assertThat(describe(made)).isEqualTo(describe(fresh));
        return made;
    }

    private static List<String> describe(List<OutputObject> outputs) {
        List<String> described = new ArrayList<>();
        for (OutputObject o : outputs) {
            described.add(o.key() + " " + o.sha256() + " " + o.role() + " " + o.contentType() + " " + o.cacheControl() + " "
                    + o.copyFrom() + (o.content() == null ? "" : "\n" + new String(o.content(), StandardCharsets.UTF_8)));
        }
        return described;
    }

    private static String text(List<OutputObject> outputs, String key) {
        return outputs.stream().filter(o -> o.key().equals(key)).map(o -> new String(o.content(), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private static boolean has(List<OutputObject> outputs, String key) {
        return outputs.stream().anyMatch(o -> o.key().equals(key));
    }

    @Test
    void editsThatMoveNothingGiveTheReleaseAFreshPublisherMakes() {
        SiteOutputs outputs = new SiteOutputs();
        List<OutputObject> first = release(outputs, false);
        assertThat(text(first, SiteOutputs.DIAGNOSTICS_KEY)).contains("alias /p3/", "/missing/");
        release(outputs, true);

        edit(post(5), e -> e.html = "<p>A new body</p>");
        release(outputs, true);

        edit(post(7), e -> e.title = "Post 7, renamed");
        List<OutputObject> renamed = release(outputs, true);
        assertThat(text(renamed, "tags/t1/page/2/index.html")).contains("Post 7, renamed");

        edit(post(9), e -> e.links = List.of("/img/b.png"));
        assertThat(has(release(outputs, true), "img/b.png")).as("a newly linked asset is published").isTrue();
        edit(post(9), e -> e.links = List.of());
        assertThat(has(release(outputs, true), "img/b.png")).as("an asset no page links to is not").isFalse();

        edit("p10_zh.md", e -> e.title = "帖子 10, 新");
        release(outputs, true);
        edit(post(10), e -> e.html = "<p>The original, edited</p>");
        release(outputs, true);
        edit("README.md", e -> e.html = "<p>Welcome back</p>");
        release(outputs, true);
        edit("old.md", e -> e.title = "Moved, renamed");
        assertThat(text(release(outputs, true), "2025/old/index.html")).contains("Moved, renamed");
        edit("img/a.png", e -> e.blobRef = "_inkstream/blobs/blob-a2");
        release(outputs, true);

        // The checks' findings change while no document does.
        translations = Map.of("k15", new TranslationGroup(1, "blog", "k15", Map.of("en", "p15.md", "zh", "p15_zh.md"),
                Map.of("en", "ok", "zh", "stale"), List.of(), "en",
                Map.of("en", new TranslationGroup.Member("p15.md", "/p15/", "Post 15", Instant.parse("2026-02-01T00:00:00Z"))),
                "suffix"));
        assertThat(text(release(outputs, true), "zh/p15/index.html")).contains("notice stale");
        edit(post(5), e -> {
            e.html = "<p>Two documents at once</p>";
            e.title = "Post 5 again";
        });
        edit(post(6), e -> e.links = List.of("/img/b.png", "/p5/"));
        release(outputs, true);
    }

    @Test
    void aDocumentThatChangesItsTagsOrCategoriesMovesBetweenTheirListsInPlace() {
        SiteOutputs outputs = new SiteOutputs();
        release(outputs, false);

        edit(post(3), e -> e.tags = List.of("t9"));
        List<OutputObject> newTag = release(outputs, true);
        assertThat(has(newTag, "tags/t9/index.html")).as("a tag's first document makes its page").isTrue();
        assertThat(text(newTag, "tags/t0/index.html")).doesNotContain("Post 3");
        edit(post(3), e -> e.tags = List.of("t0", "all"));
        assertThat(has(release(outputs, true), "tags/t9/index.html")).as("a tag without documents goes").isFalse();

        // The newest post of t1 takes the tag as it writes it, with another spelling of the same slug first.
        edit(post(23), e -> e.tags = List.of("T1", "t1", "all"));
        assertThat(text(release(outputs, true), "tags/index.html")).contains("#T1 ").doesNotContain("#t1 ");
        edit(post(23), e -> e.tags = List.of("t2", "all"));
        assertThat(text(release(outputs, true), "tags/index.html")).contains("#t1 ").doesNotContain("#T1 ");
        edit(post(0), e -> e.tags = List.of("t0", "t1", "t2", "all", "ALL"));
        release(outputs, true);

        edit(post(4), e -> e.params = Map.of("categories", "c9"));
        assertThat(has(release(outputs, true), "categories/c9/index.html")).isTrue();
        edit(post(4), e -> e.params = Map.of("categories", List.of("c0", "c1")));
        assertThat(has(release(outputs, true), "categories/c9/index.html")).isFalse();

        // Two documents at once, one leaving a tag the other joins.
        edit(post(6), e -> e.tags = List.of("all"));
        edit(post(7), e -> e.tags = List.of("t0", "all"));
        release(outputs, true);
        // A draft's tags are no list's.
        edit(post(8), e -> e.draft = true);
        release(outputs, false);
        edit(post(8), e -> e.tags = List.of("t7"));
        assertThat(has(release(outputs, true), "tags/t7/index.html")).isFalse();
    }

    @Test
    void editsThatMoveADocumentAreMadeFromScratch() {
        SiteOutputs outputs = new SiteOutputs();
        release(outputs, false);

        edit(post(3), e -> e.date = Instant.parse("2026-03-01T00:00:00Z"));
        release(outputs, false);
        edit(post(8), e -> e.draft = true);
        assertThat(has(release(outputs, false), "p8/index.html")).isFalse();
        docs.put("new.md", page("new.md", "/new/", "New").date("2026-02-02").lang("en").build());
        release(outputs, false);
        docs.remove(post(11));
        release(outputs, false);
        docs.put("inkstream.yaml", config("inkstream.yaml", "Renamed", "https://b.example/", "en", List.of("en", "zh"),
                Map.of("paginate", 4)));
        release(outputs, false);

        edit(post(12), e -> e.html = "<p>And an edit after them</p>");
        release(outputs, true);
    }
}
