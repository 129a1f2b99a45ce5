package dev.inkstream.render.translation;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import org.jspecify.annotations.Nullable;

/**
 * What the repository-wide view keeps of one page: enough to infer the default language, detect
 * the convention and find near misses, and small enough to keep for every page of a repository.
 *
 * @param language   the language its name or front matter says, absent for an unmarked page
 * @param convention {@code suffix}, {@code directory}, {@code front-matter} or {@code none}
 * @param script     the script most of its text is in, when known
 */
public record IndexEntry(String path, String translationKey, @Nullable String language, String convention,
                         @Nullable String script) {

    public static final String FRONT_MATTER = "front-matter";

    /** Pages take part in translation groups; assets, layouts and the site config do not. */
    public static boolean isPage(@Nullable RenderedDocument doc) {
        return doc != null && doc.translationKey() != null
                && (doc.kind() == DocumentKind.MARKDOWN || doc.kind() == DocumentKind.TEXT);
    }

    public static IndexEntry of(RenderedDocument doc) {
        FileLanguage file = TranslationNaming.of(doc.path());
        boolean declared = !file.marked() && doc.language() != null || !file.translationKey().equals(doc.translationKey());
        String convention = declared ? FRONT_MATTER : file.convention();
        String script = doc.structure() == null || doc.structure().scripts().isEmpty() ? null : Scripts.dominant(doc.structure());
        return new IndexEntry(doc.path(), doc.translationKey(), doc.language(), convention, script);
    }
}
