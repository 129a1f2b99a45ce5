package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for publish's unit tests. */
public final class Fixtures {

    public static RenderedDocument doc(String path, String commit, String url, String title, String date) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", commit, path, DocumentKind.MARKDOWN, url,
                title, "<p>" + title + " body</p>", date == null ? null : Instant.parse(date + "T00:00:00Z"), null,
                null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(), List.of());
    }

    /** A page with everything publish reads, set one field at a time. */
    public static Page page(String path, String url, String title) {
        return new Page(path, url, title);
    }

    public static final class Page {
        private final String path;
        private final String url;
        private final String title;
        private String html;
        private DocumentKind kind = DocumentKind.MARKDOWN;
        private Instant date;
        private Instant lastmod;
        private String language;
        private String translationKey;
        private List<String> tags = List.of();
        private List<String> aliases = List.of();
        private List<String> links = List.of();
        private Map<String, Object> params = Map.of();
        private String summary;
        private SiteConfig siteConfig;
        private String commit = "c1";

        private Page(String path, String url, String title) {
            this.path = path;
            this.url = url;
            this.title = title;
            this.html = "<p>" + title.replace("&", "&amp;").replace("<", "&lt;") + " body</p>";
        }

        public Page html(String html) { this.html = html; return this; }
        public Page date(String day) { this.date = Instant.parse(day + "T00:00:00Z"); return this; }
        public Page lastmod(String instant) { this.lastmod = Instant.parse(instant); return this; }
        public Page lang(String language) { this.language = language; return this; }
        public Page translationKey(String key) { this.translationKey = key; return this; }
        public Page tags(String... tags) { this.tags = List.of(tags); return this; }
        public Page aliases(String... aliases) { this.aliases = List.of(aliases); return this; }
        public Page links(String... links) { this.links = List.of(links); return this; }
        public Page params(Map<String, Object> params) { this.params = params; return this; }
        public Page summary(String summary) { this.summary = summary; return this; }
        public Page commit(String commit) { this.commit = commit; return this; }
        public Page kind(DocumentKind kind) { this.kind = kind; return this; }
        public Page siteConfig(SiteConfig config) { this.siteConfig = config; this.kind = DocumentKind.CONFIG; return this; }

        public RenderedDocument build() {
            return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", commit, path, kind, url, title, html,
                    date, lastmod, language, translationKey, tags, summary, List.of(), links, null, false, params,
                    List.of(), null, aliases, null, List.of(), siteConfig);
        }
    }

    /** Documents by path, as the site model holds them. */
    public static Map<String, RenderedDocument> site(RenderedDocument... documents) {
        Map<String, RenderedDocument> site = new java.util.LinkedHashMap<>();
        for (RenderedDocument document : documents) {
            site.put(document.path(), document);
        }
        return site;
    }

    /** A site config document, as render makes it from {@code path}. */
    public static RenderedDocument config(String path, String title, String baseUrl, String defaultLanguage,
                                          List<String> languages, Map<String, Object> params) {
        return page(path, "/" + path, path).html("")
                .siteConfig(new SiteConfig(path, title, baseUrl, defaultLanguage, languages, null, params)).build();
    }

    /** A template override under {@code layouts/}. */
    public static RenderedDocument layout(String path, String text) {
        return page(path, "/" + path, path).html(text).kind(DocumentKind.LAYOUT).build();
    }

    public static ChangeSet changeSet(String after, ChangeSet.PathChange... changes) {
        return new ChangeSet(ChangeSet.SCHEMA_VERSION, "blog", "refs/heads/main", null, after, "d-" + after,
                Arrays.asList(changes));
    }

    public static ChangeSet.PathChange added(String path) {
        return new ChangeSet.PathChange(path, ChangeType.ADDED, "b", DocumentKind.MARKDOWN);
    }

    public static ChangeSet.PathChange deleted(String path) {
        return new ChangeSet.PathChange(path, ChangeType.DELETED, "b", DocumentKind.MARKDOWN);
    }

    private Fixtures() {}
}
