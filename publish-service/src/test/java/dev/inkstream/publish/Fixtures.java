package dev.inkstream.publish;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders for publish's unit tests. */
public final class Fixtures {

    public static RenderedDocument doc(String path, String commit, String url, String title, String date) {
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", commit, path, DocumentKind.MARKDOWN, url,
                title, "<p>" + title + " body</p>", date == null ? null : Instant.parse(date + "T00:00:00Z"), null,
                null, null, List.of(), null, List.of(), List.of(), null, false, Map.of(), List.of());
    }

    public static ChangeSet changeSet(String after, ChangeSet.PathChange... changes) {
        return new ChangeSet(ChangeSet.SCHEMA_VERSION, "blog", "refs/heads/main", null, after, "d-" + after,
                Arrays.asList(changes));
    }

    public static ChangeSet.PathChange added(String path) {
        return new ChangeSet.PathChange(path, ChangeType.ADDED, "b", DocumentKind.MARKDOWN);
    }

    public static ChangeSet.PathChange deleted(String path) {
        return new ChangeSet.PathChange(path, ChangeType.DELETED, "b", DocumentKind.MARKDOWN);
    }

    private Fixtures() {}
}
