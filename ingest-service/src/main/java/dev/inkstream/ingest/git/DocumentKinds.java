package dev.inkstream.ingest.git;

import dev.inkstream.events.DocumentKind;
import java.util.Locale;

/** Which files are rendered and which are copied, by file name. */
public final class DocumentKinds {

    public static DocumentKind of(String path) {
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
