package dev.inkstream.render.document;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.Structure;
import dev.inkstream.render.frontmatter.FrontMatter;
import dev.inkstream.render.frontmatter.FrontMatterParser;
import dev.inkstream.render.markdown.GitHubAlerts;
import dev.inkstream.render.markdown.MarkdownRenderer;
import dev.inkstream.render.siteconfig.SiteFiles;
import dev.inkstream.render.markdown.StructureExtractor;
import dev.inkstream.render.text.Mojibake;
import dev.inkstream.render.text.PlainTextRenderer;
import dev.inkstream.render.RenderSettings;
import dev.inkstream.render.translation.FileLanguage;
import dev.inkstream.render.translation.TranslationNaming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * The render stage as a pure function: {@code SourceDocument -> RenderedDocument}. It never
 * throws for a document's content: whatever fails becomes an error diagnostic on a page that
 * still exists, so one bad file neither stops the partition nor disappears silently.
 */
public final class DocumentRenderer {

    /**
     * Front matter fields that have a place of their own in {@link RenderedDocument}. Categories
     * also stay in params, so publish can give them pages of their own.
     */
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "title", "date", "lastmod", "draft", "tags", "description", "summary", "lang", "translationKey",
            "slug", "url", "aliases");

    /** Publication date as Hugo, Jekyll and Hexo spell it, first found wins. */
    private static final List<String> DATE_FIELDS = List.of("date", "publishDate", "pubDate", "published");
    /** Last modification: Hugo's {@code lastmod}, Jekyll's {@code last_modified_at}, Hexo's {@code updated}, … */
    private static final List<String> LASTMOD_FIELDS =
            List.of("lastmod", "last_modified_at", "updated", "modified", "last_updated");

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final RenderSettings settings;
    private final ExecutorService workers;

    public DocumentRenderer() {
        this(RenderSettings.DEFAULTS);
    }

    public DocumentRenderer(RenderSettings settings) {
        this.settings = settings;
        // A cached pool: a render that overran its budget cannot be stopped (flexmark does not
        // check for interruption), so its thread is left to finish while later documents get
        // fresh threads. Daemon threads, so a runaway render never holds the JVM open.
        this.workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
                .name("inkstream-render-", 0).stackSize(settings.workerStack().toBytes()).factory());
    }

    public RenderedDocument render(SourceDocument source) {
        if (source.kind() == DocumentKind.ASSET) {
            return asset(source);
        }
        if (source.kind() == DocumentKind.CONFIG || source.kind() == DocumentKind.LAYOUT) {
            return SiteFiles.render(source);
        }
        String text = source.text();
        if (text == null) {
            return unreadable(source);
        }
        Optional<InputLimits.Exceeded> tooBig = source.kind() == DocumentKind.MARKDOWN
                ? InputLimits.exceeded(text, (int) Math.min(Integer.MAX_VALUE, settings.maxTextSize().toBytes()),
                        settings.maxNesting())
                : Optional.empty();
        if (tooBig.isPresent()) {
            return degraded(source, tooBig.get().why() + ", so it is shown as plain text", tooBig.get().line());
        }
        Future<RenderedDocument> rendering = workers.submit(() -> renderText(source, null));
        try {
            return rendering.get(settings.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            rendering.cancel(true);
            return degraded(source, "rendering took longer than " + settings.timeBudget().toMillis()
                    + " ms, so it is shown as plain text", null);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof StackOverflowError
                    ? "the document nests too deeply for the renderer"
                    : "the renderer failed (" + e.getCause() + ")";
            return degraded(source, why + ", so it is shown as plain text", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rendering.cancel(true);
            throw new IllegalStateException("interrupted while rendering " + source.path(), e);
        }
    }

    /**
     * A page whose body could not be rendered is still published, as its escaped text, with the
     * reason as an error: one document's problem never stops the partition or vanishes silently.
     * What is around the body (front matter, dates) is still read, so the page keeps its place.
     */
    private RenderedDocument degraded(SourceDocument source, String why, @Nullable Integer line) {
        try {
            return renderText(source, new Diagnostic(Diagnostic.Severity.ERROR, "render-degraded", why, line, null));
        } catch (RuntimeException | StackOverflowError e) {
            return failed(source, e);
        }
    }

    private RenderedDocument renderText(SourceDocument source, @Nullable Diagnostic degradedBecause) {
        List<Diagnostic> diagnostics = new ArrayList<>(source.diagnostics());
        FrontMatter parsed = source.kind() == DocumentKind.MARKDOWN
                ? FrontMatterParser.parse(source.text())
                : new FrontMatter(Map.of(), source.text(), 1, List.of());
        diagnostics.addAll(parsed.diagnostics());
        Mojibake.Repaired mojibake = settings.fixMojibake()
                ? Mojibake.fix(parsed.body(), parsed.bodyLine())
                : new Mojibake.Repaired(parsed.body(), Mojibake.find(parsed.body(), parsed.bodyLine()));
        diagnostics.addAll(mojibake.diagnostics());
        FrontMatter frontMatter = parsed.withBody(mojibake.text());
        FileLanguage language = TranslationNaming.forDocument(source.path(), frontMatter.fields(), diagnostics);

        String html;
        Optional<String> heading;
        List<RenderedDocument.TocEntry> toc = List.of();
        List<String> links = List.of();
        Structure structure = null;
        if (degradedBecause != null) {
            diagnostics.add(degradedBecause);
            html = "<pre class=\"render-degraded\">" + Entities.escape(frontMatter.body()) + "</pre>";
            heading = Optional.empty();
        } else if (source.kind() == DocumentKind.MARKDOWN) {
            // Each link is rewritten, then listed: its target is worked out once for both.
            String pageUrl = PageUrls.of(source.path());
            Map<String, Optional<String>> targets = new HashMap<>();
            Function<String, Optional<String>> target =
                    written -> targets.computeIfAbsent(written, w -> PageUrls.target(source.path(), w));
            var result = markdown.render(frontMatter.body(), frontMatter.bodyLine(),
                    url -> PageUrls.relativeLink(pageUrl, url, target.apply(url)));
            html = GitHubAlerts.apply(result.html());
            heading = result.firstHeading();
            toc = result.toc();
            structure = result.structure();
            // Every link and image that stays on the site, as the site-relative URL it points at
            // with its anchor, so publish can check that each exists.
            links = result.destinations().stream().map(target).flatMap(Optional::stream).distinct().toList();
        } else {
            html = "<div class=\"plain-text\">\n" + PlainTextRenderer.render(frontMatter.body()) + "</div>";
            heading = frontMatter.body().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
            structure = StructureExtractor.ofPlainText(frontMatter.body());
        }

        String title = frontMatter.string("title").or(() -> heading).orElseGet(() -> fileName(source.path()));
        Instant date = date(frontMatter, DATE_FIELDS, diagnostics)
                .or(() -> Dates.fromPath(source.path()))
                .or(() -> firstCommit(source))
                .orElse(null);
        Instant lastmod = date(frontMatter, LASTMOD_FIELDS, diagnostics).or(() -> lastCommit(source)).orElse(null);
        List<String> tags = new ArrayList<>(list(frontMatter.fields().get("tags")));
        list(frontMatter.fields().get("categories")).stream().filter(c -> !tags.contains(c)).forEach(tags::add);
        String naturalUrl = PageUrls.of(source.path());
        String url = frontMatter.string("url").map(PageUrls::normalizeUrl)
                .or(() -> frontMatter.string("slug").map(slug -> PageUrls.withSlug(naturalUrl, slug)))
                .orElse(naturalUrl);
        List<String> aliases = new ArrayList<>();
        list(frontMatter.fields().get("aliases")).stream().map(alias -> PageUrls.resolveAlias(naturalUrl, alias))
                .filter(alias -> !alias.equals(url) && !aliases.contains(alias)).forEach(aliases::add);
        if (!url.equals(naturalUrl) && !aliases.contains(naturalUrl)) {
            // Other pages link to the file, which maps to its natural URL: keep that working.
            aliases.add(naturalUrl);
        }

        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, source.repo(), source.commit(), source.path(),
                source.kind(), url, title, html, date, lastmod,
                language.language(), language.translationKey(),
                tags, frontMatter.string("description").or(() -> frontMatter.string("summary")).orElse(null),
                toc, links, null, Boolean.parseBoolean(frontMatter.string("draft").orElse("false")),
                params(frontMatter.fields()), diagnostics, null, aliases, structure, source.history(), null);
    }

    /** When the file was first committed: the oldest commit ingest knows, else its last change. */
    private static Optional<Instant> firstCommit(SourceDocument source) {
        return source.history().isEmpty() ? lastCommit(source) : Optional.of(source.history().getLast().time());
    }

    private static Optional<Instant> lastCommit(SourceDocument source) {
        if (source.lastChange() != null) {
            return Optional.of(source.lastChange().time());
        }
        return source.history().stream().findFirst().map(CommitInfo::time);
    }

    /** The first of {@code fields} the front matter has, as a date; a warning if it is not one. */
    private static Optional<Instant> date(FrontMatter frontMatter, List<String> fields, List<Diagnostic> diagnostics) {
        String field = fields.stream().filter(f -> frontMatter.string(f).isPresent()).findFirst().orElse(fields.getFirst());
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
