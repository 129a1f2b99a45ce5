package dev.inkstream.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A source document rendered to safe HTML plus what templates and checks need about it. Keyed
 * {@code repo:path} on a compacted topic; tombstone when the source was deleted.
 *
 * @param commit      commit of the source this was rendered from
 * @param url         the page's site-relative URL, e.g. {@code /posts/hello/} (pretty URLs)
 * @param html        the sanitised body HTML (without page chrome)
 * @param date        publication date from front matter, else from git
 * @param lastmod     last modification, from front matter or git
 * @param params      every other front matter field, for templates
 * @param fingerprint structure fingerprint (headings, code blocks, …) for translation drift checks
 * @param blobRef     for an asset: where its bytes are in the object store ({@link BlobKeys}); it is
 *                    published at {@code url} as is
 * @param aliases     other site-relative URLs that should redirect to {@code url} (front matter
 *                    {@code aliases})
 * @param structure   headings, code, links, images, tables and script counts, for translation checks
 * @param history     recent commits to the source file, newest first (from ingest), for staleness
 * @param siteConfig  for a {@link DocumentKind#CONFIG} document: the site configuration it says
 */
public record RenderedDocument(
        int schemaVersion,
        String repo,
        String commit,
        String path,
        DocumentKind kind,
        String url,
        String title,
        String html,
        @Nullable Instant date,
        @Nullable Instant lastmod,
        @Nullable String language,
        @Nullable String translationKey,
        List<String> tags,
        @Nullable String summary,
        List<TocEntry> toc,
        List<String> links,
        @Nullable String fingerprint,
        boolean draft,
        Map<String, Object> params,
        List<Diagnostic> diagnostics,
        @Nullable String blobRef,
        List<String> aliases,
        @Nullable Structure structure,
        List<CommitInfo> history,
        @Nullable SiteConfig siteConfig) implements InkstreamEvent {

    public static final int SCHEMA_VERSION = 1;

    /** A page (Markdown or text), which has no blob of its own. */
    public RenderedDocument(int schemaVersion, String repo, String commit, String path, DocumentKind kind, String url,
                            String title, String html, @Nullable Instant date, @Nullable Instant lastmod,
                            @Nullable String language, @Nullable String translationKey, List<String> tags,
                            @Nullable String summary, List<TocEntry> toc, List<String> links, @Nullable String fingerprint,
                            boolean draft, Map<String, Object> params, List<Diagnostic> diagnostics) {
        this(schemaVersion, repo, commit, path, kind, url, title, html, date, lastmod, language, translationKey, tags,
                summary, toc, links, fingerprint, draft, params, diagnostics, null);
    }

    /** Without aliases, structure or history (documents from before those fields existed). */
    public RenderedDocument(int schemaVersion, String repo, String commit, String path, DocumentKind kind, String url,
                            String title, String html, @Nullable Instant date, @Nullable Instant lastmod,
                            @Nullable String language, @Nullable String translationKey, List<String> tags,
                            @Nullable String summary, List<TocEntry> toc, List<String> links, @Nullable String fingerprint,
                            boolean draft, Map<String, Object> params, List<Diagnostic> diagnostics,
                            @Nullable String blobRef) {
        this(schemaVersion, repo, commit, path, kind, url, title, html, date, lastmod, language, translationKey, tags,
                summary, toc, links, fingerprint, draft, params, diagnostics, blobRef, List.of(), null, List.of(), null);
    }

    public RenderedDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        toc = toc == null ? List.of() : List.copyOf(toc);
        links = links == null ? List.of() : List.copyOf(links);
        params = params == null ? Map.of() : Map.copyOf(params);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One heading of the table of contents. */
    public record TocEntry(int level, String id, String text) {}

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
