package dev.inkstream.publish.translations;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.output.OutputObject;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The translation dashboard as outputs: {@code /_status/translations.json} for machines and
 * {@code /_status/translations/index.html} for authors (languages × status counts, then one row
 * per group linking to each member and listing each finding). A pure function of the groups, so
 * a release that changed no group re-uploads nothing.
 */
public final class TranslationDashboard {

    public static final String JSON_KEY = "_status/translations.json";
    public static final String HTML_KEY = "_status/translations/index.html";
    /** From the dashboard page back to the site root: links stay relative so a site can live under a prefix. */
    private static final String TO_ROOT = "../..";

    private final PebbleEngine engine;

    public TranslationDashboard() {
        ClasspathLoader loader = new ClasspathLoader(TranslationDashboard.class.getClassLoader());
        loader.setPrefix("templates/translations");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    public List<OutputObject> outputs(String repo, String siteTitle, Collection<TranslationGroup> groups, String cacheControl) {
        TranslationReport report = TranslationReport.of(repo, groups);
        return List.of(
                OutputObject.of(JSON_KEY, EventJson.write(report), "application/json", cacheControl),
                OutputObject.html(HTML_KEY, html(report, siteTitle), cacheControl));
    }

    /**
     * Whether a site has pages in more than one language, which is when a translation dashboard
     * says anything. Decided from the release's own documents, not from the translation groups,
     * which arrive on their own topic a little later: a release's object list stays a function
     * of its documents.
     */
    public static boolean multilingual(Collection<RenderedDocument> documents) {
        return documents.stream().anyMatch(d -> d.kind().isPage() && d.language() != null);
    }

    String html(TranslationReport report, String siteTitle) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate("dashboard").evaluate(out, Map.of("report", report, "siteTitle", siteTitle, "root", TO_ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
