package dev.inkstream.publish.translations;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.output.OutputObject;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The translation dashboard as outputs: {@code /_status/translations.json} for machines and
 * {@code /_status/translations/index.html} for authors (languages × status counts, then one row
 * per group linking to each member and listing each finding). A pure function of the groups, so
 * a release that changed no group re-uploads nothing. Each group's row and JSON are made again
 * only when the group (or the languages) changed since the last call: a large site has ten
 * thousand groups, and an edit changes one.
 */
public final class TranslationDashboard {

    public static final String JSON_KEY = "_status/translations.json";
    public static final String HTML_KEY = "_status/translations/index.html";
    /** From the dashboard page back to the site root: links stay relative so a site can live under a prefix. */
    private static final String TO_ROOT = "../..";

    private final PebbleEngine engine;
    /** Each group's row and JSON as of the last call, and the languages the rows were made with. */
    private Map<TranslationReport.Group, Fragments> fragments = new IdentityHashMap<>();
    /** Each group's part of the last report, by the group it was made from. */
    private Map<TranslationGroup, TranslationReport.Group> reportParts = new IdentityHashMap<>();
    private List<String> fragmentLanguages = List.of();

    private record Fragments(String row, byte[] json) {}

    public TranslationDashboard() {
        ClasspathLoader loader = new ClasspathLoader(TranslationDashboard.class.getClassLoader());
        loader.setPrefix("templates/translations");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    public List<OutputObject> outputs(String repo, String siteTitle, Collection<TranslationGroup> groups, String cacheControl) {
        // Each unchanged group (the very same object as last time) keeps its part of the report,
        // and so its fragments, found by identity rather than by hashing ten thousand records.
        Map<TranslationGroup, TranslationReport.Group> parts = new IdentityHashMap<>(groups.size() * 2);
        TranslationReport report = TranslationReport.of(repo, groups, group -> parts.computeIfAbsent(group,
                g -> Objects.requireNonNullElseGet(reportParts.get(g), () -> TranslationReport.part(g))));
        Map<TranslationReport.Group, Fragments> known = report.languages().equals(fragmentLanguages) ? fragments : Map.of();
        Map<TranslationReport.Group, Fragments> now = new IdentityHashMap<>(report.groups().size() * 2);
        for (TranslationReport.Group group : report.groups()) {
            Fragments made = known.get(group);
            now.put(group, made != null ? made
                    : new Fragments(render("group", Map.of("group", group, "languages", report.languages(), "root", TO_ROOT)),
                            EventJson.write(group)));
        }
        fragments = now;
        fragmentLanguages = report.languages();
        reportParts = parts;
        return List.of(
                OutputObject.of(JSON_KEY, json(report, now), "application/json", cacheControl),
                OutputObject.html(HTML_KEY, html(report, siteTitle, now), cacheControl));
    }

    /** The report as {@code EventJson.write(report)} writes it, from each group's JSON. */
    private static byte[] json(TranslationReport report, Map<TranslationReport.Group, Fragments> fragments) {
        byte[] head = EventJson.write(new TranslationReport(report.repo(), report.defaultLanguage(), report.languages(),
                report.convention(), report.counts(), List.of()));
        // The groups are the record's last component: the head ends with "[]}".
        if (head.length < 3 || head[head.length - 3] != '[' || head[head.length - 2] != ']' || head[head.length - 1] != '}') {
            throw new IllegalStateException("the translation report no longer ends with its groups");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + fragments.size() * 512);
        out.write(head, 0, head.length - 2);
        for (TranslationReport.Group group : report.groups()) {
            if (out.size() > head.length - 2) {
                out.write(',');
            }
            out.writeBytes(fragments.get(group).json());
        }
        out.write(']');
        out.write('}');
        return out.toByteArray();
    }

    private String html(TranslationReport report, String siteTitle, Map<TranslationReport.Group, Fragments> fragments) {
        StringBuilder rows = new StringBuilder(fragments.size() * 600);
        report.groups().forEach(group -> rows.append(fragments.get(group).row()));
        return render("dashboard", Map.of("report", report, "siteTitle", siteTitle, "root", TO_ROOT, "rows", rows.toString()));
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

    private String render(String template, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
