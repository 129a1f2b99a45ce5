package dev.inkstream.publish.output;

import dev.inkstream.events.RenderedDocument;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publish stage's pure core: a site's rendered documents in, the full list of objects of the
 * site out (outputs as data). Nothing here knows about S3 or Kafka.
 */
public final class SiteOutputs {

    /** What a site is made from: its documents and the few settings the templates need. */
    public record Site(String title, Map<String, RenderedDocument> documents, String cacheControl) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final PebbleEngine engine;

    public SiteOutputs() {
        ClasspathLoader loader = new ClasspathLoader(SiteOutputs.class.getClassLoader());
        loader.setPrefix("templates/inkstream");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    public List<OutputObject> outputs(Site site) {
        List<RenderedDocument> published = site.documents().values().stream()
                .filter(d -> !d.draft())
                .sorted(Comparator.comparing(RenderedDocument::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(RenderedDocument::url))
                .toList();
        Optional<RenderedDocument> home = published.stream().filter(d -> d.url().equals("/")).findFirst();

        List<OutputObject> outputs = new ArrayList<>();
        for (RenderedDocument document : published) {
            if (!document.url().equals("/")) {
                outputs.add(OutputObject.html(keyOf(document.url()),
                        render("page", site, document.url(), Map.of("doc", view(document))), site.cacheControl()));
            }
        }
        List<Map<String, Object>> entries = published.stream().filter(d -> !d.url().equals("/")).map(this::view).toList();
        Map<String, Object> homeContext = new HashMap<>();
        homeContext.put("entries", entries);
        home.ifPresent(doc -> homeContext.put("doc", view(doc)));
        outputs.add(OutputObject.html("index.html", render("index", site, "/", homeContext), site.cacheControl()));
        outputs.add(OutputObject.html("404.html", render("404", site, "/", Map.of()), site.cacheControl()));
        return outputs;
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
        view.put("errors", document.diagnostics().stream().filter(d -> d.severity().name().equals("ERROR")).toList());
        view.put("params", document.params());
        return view;
    }

    private String render(String templateName, Site site, String url, Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put("siteTitle", site.title());
        // Links are relative, so the site works under any prefix and from a copied folder.
        all.put("root", rootFrom(url));
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
