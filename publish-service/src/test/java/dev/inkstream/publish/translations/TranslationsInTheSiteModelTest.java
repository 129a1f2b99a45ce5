package dev.inkstream.publish.translations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.Fixtures;
import dev.inkstream.publish.site.SiteModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationsInTheSiteModelTest {

    private static RenderedDocument inLanguage(String path, String language) {
        RenderedDocument d = Fixtures.doc(path, "c1", "/" + language + "/a/", "A", "2026-01-05");
        return new RenderedDocument(d.schemaVersion(), d.repo(), d.commit(), d.path(), DocumentKind.MARKDOWN, d.url(), d.title(),
                d.html(), d.date(), d.lastmod(), language, "a", d.tags(), null, List.of(), List.of(), null, false, Map.of(), List.of());
    }

    @Test
    void groupsAreKeptPerRepositoryAndATombstoneRemovesOne() {
        SiteModel model = new SiteModel();
        TranslationGroup group = new TranslationGroup(1, "blog", "a", Map.of("en", "a.md"), Map.of("en", "ok"), List.of());

        model.applyTranslations("blog", "a", group);
        model.applyTranslations("other", "b", group);
        assertThat(model.translations("blog")).containsExactly(group);

        model.applyTranslations("blog", "a", null);
        assertThat(model.translations("blog")).isEmpty();
        assertThat(model.translations("other")).hasSize(1);
    }

    @Test
    void onlyASiteWithPagesInALanguageGetsTheDashboard() {
        RenderedDocument unmarked = Fixtures.doc("a.md", "c1", "/a/", "A", "2026-01-05");

        assertThat(TranslationDashboard.multilingual(List.of(unmarked))).isFalse();
        assertThat(TranslationDashboard.multilingual(List.of(unmarked, inLanguage("a_zh.md", "zh")))).isTrue();
    }
}
