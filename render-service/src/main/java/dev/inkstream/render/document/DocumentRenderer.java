package dev.inkstream.render.document;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.frontmatter.FrontMatter;
import dev.inkstream.render.frontmatter.FrontMatterParser;
import dev.inkstream.render.markdown.GitHubAlerts;
import dev.inkstream.render.markdown.HtmlSanitizer;
import dev.inkstream.render.markdown.MarkdownRenderer;
import dev.inkstream.render.text.Mojibake;
import dev.inkstream.render.text.PlainTextRenderer;
import dev.inkstream.render.translation.FileLanguage;
import dev.inkstream.render.translation.TranslationNaming;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The render stage as a pure function: {@code SourceDocument -> RenderedDocument}. It never
 * throws for a document's content: whatever fails becomes an error diagnostic on a page that
 * still exists, so one bad file neither stops the partition nor disappears silently.
 */
public final class DocumentRenderer {

    /** Front matter fields that have a place of their own in {@link RenderedDocument}. */
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "title", "date", "lastmod", "draft", "tags", "categories", "description", "summary", "lang", "translationKey");

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public RenderedDocument render(SourceDocument source) {
        try {
            if (source.kind() == DocumentKind.ASSET) {
                return asset(source);
            }
            return source.text() == null ? unreadable(source) : renderText(source);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(source, e);
        }
    }

    private RenderedDocument renderText(SourceDocument source) {
        List<Diagnostic> diagnostics = new ArrayList<>(source.diagnostics());
        FrontMatter frontMatter = source.kind() == DocumentKind.MARKDOWN
                ? FrontMatterParser.parse(source.text())
                : new FrontMatter(Map.of(), source.text(), 1, List.of());
        diagnostics.addAll(frontMatter.diagnostics());
        FileLanguage language = TranslationNaming.forDocument(source.path(), frontMatter.fields(), diagnostics);
        diagnostics.addAll(Mojibake.find(frontMatter.body(), frontMatter.bodyLine()));

        String html;
        Optional<String> heading;
        List<RenderedDocument.TocEntry> toc = List.of();
        List<String> links = List.of();
        if (source.kind() == DocumentKind.MARKDOWN) {
            var result = markdown.render(frontMatter.body(), url -> rewriteLink(source.path(), url));
            html = GitHubAlerts.apply(HtmlSanitizer.sanitize(result.html()));
            heading = result.firstHeading();
            toc = result.toc();
            links = result.links();
        } else {
            html = "<div class=\"plain-text\">\n" + PlainTextRenderer.render(frontMatter.body()) + "</div>";
            heading = frontMatter.body().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        }

        String title = frontMatter.string("title").or(() -> heading).orElseGet(() -> fileName(source.path()));
        Instant commitTime = source.lastChange() == null ? null : source.lastChange().time();
        Instant date = date(frontMatter, "date", diagnostics)
                .or(() -> Dates.fromPath(source.path()))
                .orElse(commitTime);
        Instant lastmod = date(frontMatter, "lastmod", diagnostics).orElse(commitTime);
        List<String> tags = new ArrayList<>(list(frontMatter.fields().get("tags")));
        list(frontMatter.fields().get("categories")).stream().filter(c -> !tags.contains(c)).forEach(tags::add);

        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, source.repo(), source.commit(), source.path(),
                source.kind(), PageUrls.of(source.path()), title, html, date, lastmod,
                language.language(), language.translationKey(),
                tags, frontMatter.string("description").or(() -> frontMatter.string("summary")).orElse(null),
                toc, links, null, Boolean.parseBoolean(frontMatter.string("draft").orElse("false")),
                params(frontMatter.fields()), diagnostics, null, List.of(), null, source.history(), null);
    }

    private static Optional<Instant> date(FrontMatter frontMatter, String field, List<Diagnostic> diagnostics) {
        Optional<String> value = frontMatter.string(field);
        Optional<Instant> parsed = value.flatMap(Dates::parse);
        if (value.isPresent() && parsed.isEmpty()) {
            diagnostics.add(Diagnostic.warning("invalid-date",
                    "front matter '" + field + "' is not a date: '" + value.get() + "' (use 2025-03-25 or 2025-03-25T20:44:17Z)"));
        }
        return parsed;
    }

    /** An image, a PDF, a stylesheet: published as it is, from the blob ingest stored. */
    private static RenderedDocument asset(SourceDocument source) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, source.repo(), source.commit(), source.path(),
                DocumentKind.ASSET, PageUrls.assetUrl(source.path()), fileName(source.path()), "", null,
                source.lastChange() == null ? null : source.lastChange().time(), null, null, List.of(), null,
                List.of(), List.of(), null, false, Map.of(), source.diagnostics(), source.blobRef());
    }

    /**
     * Links are written relative to the source file; pages are published one folder deeper
     * ({@code a/b.md} at {@code /a/b/}), so every relative link is re-based on the page: links to
     * Markdown and text files point at their pages, links to other files at where they are
     * published. Anchors, absolute paths and URLs with a scheme are left alone.
     */
    private static String rewriteLink(String fromPath, String url) {
        String file = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        if (file.isEmpty() || file.startsWith("/") || file.startsWith("//") || url.startsWith("?")) {
            return url;
        }
        try {
            if (URI.create(file.replace(" ", "%20")).getScheme() != null) {
                return url;
            }
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
        return PageUrls.relativeLink(fromPath, url);
    }

    /** Tags written as a list or as a comma-separated string. */
    private static List<String> list(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().filter(i -> i != null).map(Object::toString).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (value != null) {
            return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }

    /** Other front matter fields, for templates; absent values are dropped. */
    private static Map<String, Object> params(Map<String, Object> fields) {
        Map<String, Object> params = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !KNOWN_FIELDS.contains(k)) {
                params.put(k, v);
            }
        });
        return params;
    }

    private static RenderedDocument unreadable(SourceDocument source) {
        return errorPage(source, List.copyOf(source.diagnostics()));
    }

    private static RenderedDocument failed(SourceDocument source, Throwable e) {
        List<Diagnostic> diagnostics = new ArrayList<>(source.diagnostics());
        diagnostics.add(Diagnostic.error("render-failed", "could not render: " + e));
        return errorPage(source, diagnostics);
    }

    private static RenderedDocument errorPage(SourceDocument source, List<Diagnostic> diagnostics) {
        String html = "<p class=\"render-error\">This page could not be rendered.</p>";
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, source.repo(), source.commit(), source.path(),
                source.kind(), PageUrls.of(source.path()), fileName(source.path()), html, null,
                source.lastChange() == null ? null : source.lastChange().time(), null, null, List.of(), null,
                List.of(), List.of(), null, false, Map.of(), diagnostics);
    }

    private static String fileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }
}
