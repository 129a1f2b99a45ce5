package dev.inkstream.render.translation;

import static dev.inkstream.render.translation.Documents.commit;
import static dev.inkstream.render.translation.Documents.page;
import static dev.inkstream.render.translation.Documents.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.Diagnostic.Severity;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import dev.inkstream.events.Structure;
import dev.inkstream.events.Structure.CodeBlock;
import dev.inkstream.events.Structure.Heading;
import dev.inkstream.events.TranslationGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationChecksTest {

    private static Structure shape(List<Heading> headings, List<CodeBlock> code, List<String> links, List<String> images,
                                   List<Integer> tables) {
        return new Structure(headings, code, links, images, tables, Map.of("LATIN", 500), 100);
    }

    /** The same shape with text as long in Chinese as the English of {@link #shape}. */
    private static Structure inChinese(Structure english) {
        return new Structure(english.headings(), english.codeBlocks(), english.links(), english.images(), english.tables(),
                Map.of("HAN", 160), 160);
    }

    private static List<TranslationGroup> check(Documents... documents) {
        return RepositoryTranslations.checkAll("blog", Arrays.stream(documents).map(Documents::rendered).toList());
    }

    private static TranslationGroup group(String key, Documents... documents) {
        return check(documents).stream().filter(g -> g.translationKey().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> codes(TranslationGroup group) {
        return group.findings().stream().map(Diagnostic::code).toList();
    }

    @Test
    void aFaithfulPairIsOkInBothLanguages() {
        TranslationGroup group = group("posts/a", page("posts/a.md"), page("posts/a_zh.md"));

        assertThat(group.defaultLanguage()).isEqualTo("en");
        assertThat(group.convention()).isEqualTo("suffix");
        assertThat(group.membersByLanguage()).containsExactlyInAnyOrderEntriesOf(Map.of("en", "posts/a.md", "zh", "posts/a_zh.md"));
        assertThat(group.members().get("zh").url()).isEqualTo("/zh/posts/a/");
        assertThat(group.statusByLanguage()).containsExactlyInAnyOrderEntriesOf(Map.of("en", "ok", "zh", "ok"));
        assertThat(group.findings()).isEmpty();
    }

    @Test
    void aSourceWithoutTranslationIsMissingAtTheConfiguredSeverity() {
        TranslationGroup group = group("posts/b", page("posts/a.md"), page("posts/a_zh.md"), page("posts/b.md"));

        assertThat(group.statusByLanguage()).containsEntry("zh", "missing");
        assertThat(group.findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("missing-translation");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).isEqualTo("no zh translation of posts/b.md");
        });
    }

    @Test
    void aTranslationWithNoSourceIsPublishedAndReportedAsInfo() {
        TranslationGroup group = group("posts/only", page("posts/a.md"), page("posts/only_zh.md"));

        assertThat(group.statusByLanguage()).containsExactly(Map.entry("zh", "only"));
        assertThat(group.findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("translation-only");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.path()).isEqualTo("posts/only_zh.md");
        });
    }

    @Test
    void aNearMissNamesTheRenameThatPairsIt() {
        TranslationGroup group = group("2026-01-05/kubelet-memory-pressure",
                page("2026-01-05/kubelet-and-memory-pressure.md"),
                page("2026-01-05/kubelet-memory-pressure_zh.md"),
                page("2026-01-09/gpu-sharing.md"));

        assertThat(group.findings()).filteredOn(d -> d.code().equals("near-miss-pair")).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("'2026-01-05/kubelet-and-memory-pressure' has no zh translation");
            assertThat(d.suggestion()).isEqualTo(
                    "git mv 2026-01-05/kubelet-memory-pressure_zh.md 2026-01-05/kubelet-and-memory-pressure_zh.md");
        });
    }

    @Test
    void unrelatedNamesAreNotNearMisses() {
        assertThat(nearMiss("2026-01-05/kubelet-memory-pressure", "2026-01-09/gpu-sharing")).isFalse();
        assertThat(nearMiss("posts/intro", "posts/outro")).isFalse();
        assertThat(nearMiss("posts/scheduling-gpus-in-kubernetes", "posts/scheduling-gpu-in-kubernetes")).isTrue();
    }

    /** Whether a Chinese page with no source at {@code translationOnly} is paired with the English {@code source}. */
    private static boolean nearMiss(String translationOnly, String source) {
        RepositoryView view = new RepositoryView("blog", SiteConfig.Translations.DEFAULTS, "en", List.of("en", "zh"),
                "suffix", Map.of(translationOnly, java.util.Set.of("zh"), source, java.util.Set.of("en")));
        return NearMisses.partner(view, translationOnly, "zh").isPresent();
    }

    @Test
    void aTranslationIsStaleWhenTheSourceChangedSinceExceptForIgnoredCommits() {
        Documents source = page("posts/a.md").history(
                commit("c4", "2026-03-10T09:00:00Z", "Fix typo in intro"),
                commit("c3", "2026-03-02T09:00:00Z", "Add section on eviction"),
                commit("c1", "2026-02-01T09:00:00Z", "First draft"));
        Documents translation = page("posts/a_zh.md").history(commit("c2abcdef123456789", "2026-02-10T09:00:00Z", "Translate"));

        TranslationGroup group = group("posts/a", source, translation);

        assertThat(group.statusByLanguage()).containsEntry("zh", "stale");
        assertThat(group.findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("stale-translation");
            assertThat(d.path()).isEqualTo("posts/a_zh.md");
            assertThat(d.message()).isEqualTo("posts/a.md changed in 1 commit after this translation last did (2026-02-10):"
                    + " 2026-03-02 \"Add section on eviction\"");
            assertThat(d.suggestion()).isEqualTo("git diff c2abcdef1234..c3 -- posts/a.md");
        });
    }

    @Test
    void onlyIgnoredCommitsSinceLeaveTheTranslationCurrent() {
        Documents source = page("posts/a.md").history(commit("c4", "2026-03-10T09:00:00Z", "[skip-i18n] reflow"));
        Documents translation = page("posts/a_zh.md").history(commit("c2", "2026-02-10T09:00:00Z", "Translate"));

        assertThat(group("posts/a", source, translation).statusByLanguage()).containsEntry("zh", "ok");
    }

    @Test
    void anIgnorePatternThatIsNoRegularExpressionMatchesItsText() {
        SiteConfig config = new SiteConfig("inkstream.yaml", null, null, null, List.of(),
                new SiteConfig.Translations("auto", null, List.of("[wip"), List.of()), Map.of());
        Documents source = page("a.md").history(commit("c4", "2026-03-10T09:00:00Z", "[wip reflow"));
        Documents translation = page("a_zh.md").history(commit("c2", "2026-02-10T09:00:00Z", "Translate"));
        RepositoryView view = RepositoryTranslations.view("blog", config,
                List.of(IndexEntry.of(source.rendered()), IndexEntry.of(translation.rendered())));

        assertThat(TranslationChecks.check(view, "a", List.of(source.rendered(), translation.rendered())).findings()).isEmpty();
    }

    @Test
    void structureDriftIsReportedConcretely() {
        Structure original = shape(
                List.of(new Heading(1, "a", "A", 1), new Heading(2, "b", "Setup", 5), new Heading(2, "c", "Run", 9)),
                List.of(new CodeBlock("bash", "aa", 6), new CodeBlock("yaml", "bb", 12)),
                List.of("https://kubernetes.io/docs/", "b.md#x", "https://example.org/gone"),
                List.of("img/arch.png"), List.of(3));
        Structure translated = inChinese(shape(
                List.of(new Heading(1, "a", "甲", 1), new Heading(2, "b", "安装", 5)),
                List.of(new CodeBlock("bash", "aa", 6)),
                List.of("https://kubernetes.io/docs/", "b_zh.md#安装"),
                List.of("img/arch_zh.png", "img/extra.png"), List.of(3, 2)));

        TranslationGroup group = group("posts/a", page("posts/a.md").structure(original), page("posts/a_zh.md").structure(translated));

        assertThat(group.statusByLanguage()).containsEntry("zh", "drifted");
        assertThat(group.findings()).extracting(Diagnostic::code).containsExactly(
                "heading-mismatch", "code-block-mismatch", "link-mismatch", "image-mismatch", "table-mismatch");
        assertThat(group.findings()).extracting(Diagnostic::message).containsExactly(
                "headings {h1=1, h2=1} here but {h1=1, h2=2} in the source; the first difference is heading 3 (source: h2 \"Run\")",
                "1 code blocks [bash] here but 2 [bash, yaml] in the source",
                "the source links to https://example.org/gone but this translation does not",
                "this translation images img/extra.png but the source does not",
                "tables (columns each) are [3, 2] here but [3] in the source");
    }

    @Test
    void differentCodeWhereItShouldBeIdenticalIsWorthALook() {
        Structure original = shape(List.of(), List.of(new CodeBlock("go", "aa", 3)), List.of(), List.of(), List.of());
        Structure translated = inChinese(shape(List.of(), List.of(new CodeBlock("go", "zz", 4)), List.of(), List.of(), List.of()));

        TranslationGroup group = group("a", page("a.md").structure(original), page("a.zh.md").structure(translated));

        assertThat(group.findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("code-block-mismatch");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.line()).isEqualTo(4);
        });
        assertThat(group.statusByLanguage()).containsEntry("zh", "ok");
    }

    @Test
    void lengthIsComparedPerScriptWithAFloorForShortDocuments() {
        Documents english = page("a.md").structure(new Structure(null, null, null, null, null, Map.of("LATIN", 5000), 1000));

        assertThat(codes(group("a", english, page("a_zh.md").structure(text(1500, 50))))).isEmpty();
        assertThat(group("a", english, page("a_zh.md").structure(text(400, 20))).findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("length-ratio");
            assertThat(d.message()).isEqualTo(
                    "420 words here against 1000 in the source: 0.26 of the length a zh translation usually has; parts may be missing");
        });
        Documents shortEnglish = page("a.md").structure(new Structure(null, null, null, null, null, Map.of("LATIN", 200), 40));
        assertThat(codes(group("a", shortEnglish, page("a_zh.md").structure(text(20, 1))))).isEmpty();
    }

    @Test
    void aTranslationStillInTheSourceScriptIsUntranslated() {
        Documents english = page("a.md").structure(new Structure(null, null, null, null, null, Map.of("LATIN", 5000), 1000));

        assertThat(group("a", english, page("a_zh.md").structure(text(30, 950))).findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("untranslated");
            assertThat(d.message()).isEqualTo("97% of the text is in LATIN like the source; only 3% is HAN as zh is written");
        });
    }

    @Test
    void aFileNotInTheLanguageItClaimsIsWrongLanguage() {
        Documents chineseSource = page("a.md").structure(text(800, 10));
        Documents koreanTranslation = page("a_ja.md").structure(
                new Structure(null, null, null, null, null, Map.of("HANGUL", 900), 900));

        TranslationGroup group = group("a", chineseSource, koreanTranslation, page("b.md").structure(text(0, 500)),
                page("c.md").structure(text(0, 500)));

        assertThat(group.findings()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wrong-language", "a.md"),
                org.assertj.core.groups.Tuple.tuple("wrong-language", "a_ja.md"));
        assertThat(group.findings().getFirst().message()).startsWith("the text is mostly HAN (99%), not LATIN as en is written");
    }

    @Test
    void frontMatterFieldsTheSiteSaysMustAgree() {
        TranslationGroup group = group("a", page("a.md").date("2026-01-05T00:00:00Z").tags("k8s", "gpu"),
                page("a_zh.md").date("2026-01-07T00:00:00Z").tags("k8s", "gpu"));

        assertThat(group.findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("front-matter-mismatch");
            assertThat(d.message()).isEqualTo("front matter 'date' is '2026-01-07' here but '2026-01-05' in a.md");
        });
    }

    @Test
    void twoFilesClaimingOneLanguageAreBothKeptAndReported() {
        TranslationGroup group = group("posts/a", page("posts/a.md"), page("posts/a_zh.md"), page("zh/posts/a.md"));

        assertThat(group.findings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("duplicate-translation");
            assertThat(d.message()).startsWith("both posts/a_zh.md and zh/posts/a.md claim to be the zh version of 'posts/a'");
        });
        assertThat(group.convention()).isEqualTo("directory+suffix");
    }

    @Test
    void theSiteConfigSetsDefaultLanguageLanguagesAndSeverity() {
        SiteConfig config = new SiteConfig("inkstream.yaml", null, null, "zh", List.of("zh", "en", "ja"),
                new SiteConfig.Translations("auto", Severity.WARNING, List.of(), List.of()), Map.of());
        List<IndexEntry> entries = List.of(IndexEntry.of(page("a.md").rendered()), IndexEntry.of(page("a_en.md").rendered()));
        RepositoryView view = RepositoryTranslations.view("blog", config, entries);

        TranslationGroup group = TranslationChecks.check(view, "a", List.of(page("a.md").rendered(), page("a_en.md").rendered()));

        assertThat(view.languages()).containsExactly("zh", "en", "ja");
        assertThat(group.statusByLanguage()).containsExactlyInAnyOrderEntriesOf(Map.of("zh", "ok", "en", "ok", "ja", "missing"));
        assertThat(group.findings()).singleElement().extracting(Diagnostic::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void theDefaultLanguageIsInferredFromTheUnmarkedPages() {
        List<RenderedDocument> chineseBlog = List.of(page("a.md").structure(text(500, 5)).rendered(),
                page("b.md").structure(text(700, 0)).rendered(), page("a_en.md").structure(text(0, 400)).rendered());
        List<TranslationGroup> groups = RepositoryTranslations.checkAll("blog", chineseBlog);

        assertThat(groups).first().satisfies(g -> assertThat(g.defaultLanguage()).isEqualTo("zh"));
        assertThat(RepositoryTranslations.checkAll("blog", List.of(page("a_en.md").rendered(), page("a_zh.md").rendered(),
                page("b_en.md").rendered()))).first().satisfies(g -> assertThat(g.defaultLanguage()).isEqualTo("en"));
    }
}
