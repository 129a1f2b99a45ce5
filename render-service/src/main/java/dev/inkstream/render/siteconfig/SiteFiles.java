package dev.inkstream.render.siteconfig;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files that shape a site rather than fill it: the site configuration becomes a
 * {@link RenderedDocument} carrying its {@code siteConfig}, a template override carries its text
 * in {@code html} for publish's template loader. Neither is ever published itself.
 */
public final class SiteFiles {

    /** @param source a {@link DocumentKind#CONFIG} or {@link DocumentKind#LAYOUT} document with its text */
    public static RenderedDocument render(SourceDocument source) {
        String text = source.text() == null ? "" : source.text();
        List<Diagnostic> diagnostics = new ArrayList<>(source.diagnostics());
        var siteConfig = source.kind() == DocumentKind.CONFIG ? SiteConfigReader.read(source.path(), text) : null;
        if (siteConfig != null) {
            diagnostics.addAll(siteConfig.diagnostics());
        }
        var lastChange = source.lastChange() == null ? null : source.lastChange().time();
        // The URL is never served; it is the path, so it cannot collide with a page's URL.
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, source.repo(), source.commit(), source.path(),
                source.kind(), "/" + source.path(), source.path(), source.kind() == DocumentKind.LAYOUT ? text : "",
                null, lastChange, null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(), diagnostics,
                null, List.of(), null, source.history(), siteConfig == null ? null : siteConfig.config());
    }

    private SiteFiles() {}
}
