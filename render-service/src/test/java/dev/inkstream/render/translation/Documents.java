package dev.inkstream.render.translation;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.Structure;
import dev.inkstream.render.document.PageUrls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Rendered documents for translation tests, with the language and key render would give them. */
record Documents(String path, @Nullable Structure structure, List<CommitInfo> history, List<String> tags,
                 @Nullable Instant date) {

    static Documents page(String path) {
        return new Documents(path, null, List.of(), List.of(), null);
    }

    Documents structure(Structure structure) {
        return new Documents(path, structure, history, tags, date);
    }

    Documents history(CommitInfo... commits) {
        return new Documents(path, structure, List.of(commits), tags, date);
    }

    Documents tags(String... tags) {
        return new Documents(path, structure, history, List.of(tags), date);
    }

    Documents date(String date) {
        return new Documents(path, structure, history, tags, Instant.parse(date));
    }

    RenderedDocument rendered() {
        FileLanguage file = TranslationNaming.of(path);
        return new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", "c1", path, DocumentKind.MARKDOWN,
                PageUrls.of(path), file.translationKey(), "<p></p>", date, null, file.language(), file.translationKey(), tags,
                null, List.of(), List.of(), null, false, Map.of(), List.of(), null, List.of(), structure, history, null);
    }

    static CommitInfo commit(String id, String time, String subject) {
        return new CommitInfo(id, Instant.parse(time), "Ann", subject);
    }

    /** Text of {@code han} Chinese characters and {@code latinWords} English words (five letters each). */
    static Structure text(int han, int latinWords) {
        return new Structure(List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of("HAN", han, "LATIN", latinWords * 5), han + latinWords);
    }
}
