package dev.inkstream.publish.output;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The publish stage's pure core: a site's rendered documents in, the full list of objects of the
 * site out (outputs as data). Nothing here knows about S3 or Kafka.
 */
public final class SiteOutputs {

    /**
     * What a site is made from: its documents and the few settings the templates need.
     *
     * @param rootPath absolute path the site is served under ({@code /}, or {@code /docs/} for a
     *                 prefixed site): the 404 page is served at any depth, so it cannot link relatively
     */
    public record Site(String title, Map<String, RenderedDocument> documents, String cacheControl, String rootPath,
                       String assetCacheControl, List<ChangeSet.Skipped> skipped) {

        public Site(String title, Map<String, RenderedDocument> documents, String cacheControl) {
            this(title, documents, cacheControl, "/", cacheControl, List.of());
        }
    }

    /** Where authors and tools find every diagnostic of the release. */
    public static final String DIAGNOSTICS_KEY = "_inkstream/diagnostics.json";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final PebbleEngine engine;

    public SiteOutputs() {
        ClasspathLoader loader = new ClasspathLoader(SiteOutputs.class.getClassLoader());
        loader.setPrefix("templates/inkstream");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    /** Two documents that would be published at the same URL; only {@code published} is. */
    public record UrlCollision(String url, String published, List<String> hidden) {}

    /** Markdown wins over text, then the path that sorts first: the same winner on every release. */
    private static final Comparator<RenderedDocument> COLLISION_WINNER_FIRST =
            Comparator.comparing(RenderedDocument::kind).thenComparing(RenderedDocument::path);

    /** Documents that share a URL with another, so the author can rename one. */
    public List<UrlCollision> collisions(Site site) {
        return site.documents().values().stream().filter(d -> !d.draft() && d.kind().isPage())
                .collect(Collectors.groupingBy(RenderedDocument::url))
                .entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> {
                    List<RenderedDocument> ranked = e.getValue().stream().sorted(COLLISION_WINNER_FIRST).toList();
                    return new UrlCollision(e.getKey(), ranked.getFirst().path(),
                            ranked.stream().skip(1).map(RenderedDocument::path).toList());
                })
                .sorted(Comparator.comparing(UrlCollision::url)).toList();
    }

    public List<OutputObject> outputs(Site site) {
        Set<String> hidden = collisions(site).stream().flatMap(c -> c.hidden().stream())
                .collect(Collectors.toSet());
        List<OutputObject> outputs = new ArrayList<>(assets(site));
        List<RenderedDocument> published = site.documents().values().stream()
                .filter(d -> d.kind().isPage() && !d.draft() && !hidden.contains(d.path()))
                .sorted(Comparator.comparing(RenderedDocument::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(RenderedDocument::url))
                .toList();
        Optional<RenderedDocument> home = published.stream().filter(d -> d.url().equals("/")).findFirst();

        for (RenderedDocument document : published) {
            if (!document.url().equals("/")) {
                Map<String, Object> context = new HashMap<>();
                context.put("doc", view(document));
                // The page's language goes on <html lang>, which screen readers and CJK fonts rely on.
                context.put("lang", document.language());
                outputs.add(OutputObject.html(keyOf(document.url()), render("page", site, document.url(), context),
                        site.cacheControl()));
            }
        }
        List<Map<String, Object>> entries = published.stream().filter(d -> !d.url().equals("/")).map(this::view).toList();
        Map<String, Object> homeContext = new HashMap<>();
        homeContext.put("entries", entries);
        home.ifPresent(doc -> homeContext.put("doc", view(doc)));
        outputs.add(OutputObject.html("index.html", render("index", site, "/", homeContext), site.cacheControl()));
        outputs.add(OutputObject.html("404.html", render("404", site, "/", Map.of("root", site.rootPath())),
                site.cacheControl()));
        outputs.add(diagnostics(site, hidden));
        return outputs;
    }

    /**
     * The release's diagnostics as JSON: every document with any, every file ingest did not
     * publish, and every source hidden by a URL collision. Sorted, so it changes only when they do.
     */
    private static OutputObject diagnostics(Site site, Set<String> hidden) {
        List<Map<String, Object>> documents = site.documents().values().stream()
                .filter(d -> !d.diagnostics().isEmpty())
                .sorted(Comparator.comparing(RenderedDocument::path))
                .map(d -> Map.<String, Object>of("path", d.path(), "url", d.url(), "diagnostics", d.diagnostics()))
                .toList();
        List<Map<String, Object>> notPublished = new ArrayList<>();
        site.skipped().forEach(s -> notPublished.add(Map.of("path", s.path(), "reason", s.reason())));
        hidden.stream().sorted().forEach(path -> notPublished.add(Map.of("path", path,
                "reason", Diagnostic.warning("url-collision", path + " has the same URL as another source; rename it"))));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("documents", documents);
        report.put("notPublished", notPublished);
        return OutputObject.of(DIAGNOSTICS_KEY, EventJson.write(report), "application/json", "no-cache");
    }

    /**
     * Assets are published at their own path, copied from the blob ingest stored, when a
     * published page links to them: a repository's other files (scans, exports, drafts of a CV)
     * stay private unless a page points at them.
     */
    private static List<OutputObject> assets(Site site) {
        Set<String> referenced = referencedPaths(site);
        return site.documents().values().stream()
                .filter(d -> !d.kind().isPage() && d.blobRef() != null && referenced.contains(d.path()))
                .sorted(Comparator.comparing(RenderedDocument::path))
                .map(d -> OutputObject.copy(d.url().substring(1), d.blobRef(),
                        d.blobRef().substring(d.blobRef().lastIndexOf('/') + 1),
                        MediaTypes.of(d.path()), site.assetCacheControl()))
                .toList();
    }

    /**
     * Repository paths that published pages link to: site-relative links as they are, relative
     * ones (from documents rendered before links were listed site-relative) from the page's folder.
     */
    static Set<String> referencedPaths(Site site) {
        Set<String> referenced = new HashSet<>();
        for (RenderedDocument page : site.documents().values()) {
            if (!page.kind().isPage() || page.draft()) {
                continue;
            }
            String folder = page.path().contains("/") ? page.path().substring(0, page.path().lastIndexOf('/') + 1) : "";
            for (String link : page.links()) {
                resolve(folder, link).ifPresent(referenced::add);
            }
        }
        return referenced;
    }

    private static Optional<String> resolve(String folder, String link) {
        if (link.startsWith("/") && !link.startsWith("//")) {
            // Site-relative, as render lists a page's links (already decoded): an asset's URL is
            // its repository path.
            String path = link.replaceFirst("[?#].*$", "").substring(1);
            return path.isEmpty() || path.endsWith("/") ? Optional.empty() : Optional.of(path);
        }
        try {
            URI uri = new URI(null, null, link.replaceFirst("[?#].*$", ""), null);
            if (uri.getPath().isEmpty() || link.startsWith("//") || link.contains("://") || link.startsWith("mailto:")) {
                return Optional.empty();
            }
            URI base = new URI(null, null, "/" + folder, null);
            String path = base.resolve(uri).normalize().getPath();
            return path.startsWith("/") && !path.startsWith("/..") ? Optional.of(path.substring(1))
                    : Optional.empty();
        } catch (URISyntaxException notAPath) {
            return Optional.empty();
        }
    }

    /** {@code /posts/hello/} is stored as {@code posts/hello/index.html}. */
    static String keyOf(String url) {
        return url.substring(1) + "index.html";
    }

    private Map<String, Object> view(RenderedDocument document) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", document.title());
        view.put("html", document.html());
        // Authors often open the body with the title as a heading; the page should not repeat it.
        view.put("bodyHasTitle", document.html().stripLeading().startsWith("<h1"));
        view.put("url", document.url());
        view.put("link", document.url().substring(1));
        view.put("date", document.date() == null ? null : DAY.format(document.date()));
        view.put("tags", document.tags());
        view.put("summary", document.summary());
        view.put("toc", document.toc().size() > 2 ? document.toc() : List.of());
        view.put("lang", document.language());
        view.put("errors", document.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList());
        view.put("params", document.params());
        return view;
    }

    private String render(String templateName, Site site, String url, Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put("siteTitle", site.title());
        // Links are relative, so the site works under any prefix and from a copied folder.
        all.putIfAbsent("root", rootFrom(url));
        PebbleTemplate template = engine.getTemplate(templateName);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Relative path from a page URL to the site root: {@code /a/b/} gives {@code ../../}. */
    static String rootFrom(String url) {
        long depth = url.chars().filter(c -> c == '/').count() - 1;
        return depth <= 0 ? "./" : "../".repeat((int) depth);
    }
}
