package dev.inkstream.ingest.git;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.SiteConfig;
import java.util.Locale;

/** Which files are rendered, copied, read as site configuration or used as templates, by path. */
public final class DocumentKinds {

    /** Template overrides live under this root folder, as in Hugo. */
    public static final String LAYOUTS = "layouts/";

    public static DocumentKind of(String path) {
        if (SiteConfig.FILES.contains(path)) {
            return DocumentKind.CONFIG;
        }
        if (path.startsWith(LAYOUTS)) {
            return DocumentKind.LAYOUT;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return DocumentKind.MARKDOWN;
        }
        if (name.endsWith(".txt")) {
            return DocumentKind.TEXT;
        }
        return DocumentKind.ASSET;
    }

    private DocumentKinds() {}
}
