package dev.inkstream.publish.translations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.output.OutputObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard of a small bilingual blog: a pair, a stale translation, a missing one and a
 * Chinese-only post. The HTML is a golden file; run with {@code -Dgolden.update=true} to rewrite it.
 */
class TranslationDashboardTest {

    private static final Path GOLDEN = Path.of("src/test/resources/translations/dashboard.html");

    private static TranslationGroup group(String key, Map<String, String> status, List<Diagnostic> findings, String... paths) {
        Map<String, TranslationGroup.Member> members = new java.util.TreeMap<>();
        Map<String, String> byLanguage = new java.util.TreeMap<>();
        for (String path : paths) {
            String language = path.endsWith("_zh.md") ? "zh" : "en";
            String url = (language.equals("zh") ? "/zh/" : "/") + path.replace("_zh.md", "").replace(".md", "") + "/";
            members.put(language, new TranslationGroup.Member(path, url, "Title of " + path, Instant.parse("2026-01-05T12:00:00Z")));
            byLanguage.put(language, path);
        }
        return new TranslationGroup(1, "blog", key, byLanguage, status, findings, "en", members, "suffix");
    }

    static List<TranslationGroup> blog() {
        return List.of(
                group("posts/gpu", Map.of("en", "ok", "zh", "ok"), List.of(), "posts/gpu.md", "posts/gpu_zh.md"),
                group("posts/kubelet", Map.of("en", "ok", "zh", "stale"), List.of(Diagnostic.warning("stale-translation",
                                "posts/kubelet.md changed in 1 commit after this translation last did (2026-01-05): 2026-02-01 \"Add <MIG>\"")
                        .withPath("posts/kubelet_zh.md").withSuggestion("git diff c1..c2 -- posts/kubelet.md")),
                        "posts/kubelet.md", "posts/kubelet_zh.md"),
                group("posts/dra", Map.of("en", "ok", "zh", "missing"), List.of(Diagnostic.info("missing-translation",
                        "no zh translation of posts/dra.md").withPath("posts/dra.md")), "posts/dra.md"),
                group("posts/roi", Map.of("zh", "only"), List.of(new Diagnostic(Diagnostic.Severity.INFO, "translation-only",
                        "no en source for this zh page", 3, null, "posts/roi_zh.md", null)), "posts/roi_zh.md"));
    }

    @Test
    void theJsonSaysHowTheRepositoryWasUnderstoodAndEveryGroup() {
        OutputObject json = new TranslationDashboard().outputs("blog", "Blog", blog(), "no-cache").getFirst();
        assertThat(json.key()).isEqualTo("_status/translations.json");

        JsonNode report = EventJson.mapper().readTree(json.content());
        assertThat(report.get("defaultLanguage").asString()).isEqualTo("en");
        assertThat(report.get("convention").asString()).isEqualTo("suffix");
        assertThat(report.get("languages").toString()).isEqualTo("[\"en\",\"zh\"]");
        assertThat(report.get("counts").get("zh").toString()).isEqualTo("{\"missing\":1,\"ok\":1,\"only\":1,\"stale\":1}");
        JsonNode kubelet = report.get("groups").get(2);
        assertThat(kubelet.get("key").asString()).isEqualTo("posts/kubelet");
        assertThat(kubelet.get("members").get("zh").get("url").asString()).isEqualTo("/zh/posts/kubelet/");
        assertThat(kubelet.get("findings").get(0).get("code").asString()).isEqualTo("stale-translation");
        assertThat(kubelet.get("findings").get(0).get("severity").asString()).isEqualTo("warning");
        assertThat(kubelet.get("findings").get(0).get("language").asString()).isEqualTo("zh");
        assertThat(kubelet.get("findings").get(0).get("path").asString()).isEqualTo("posts/kubelet_zh.md");
    }

    @Test
    void thePageMatchesItsGoldenFile() throws IOException {
        OutputObject html = new TranslationDashboard().outputs("blog", "Blog", blog(), "no-cache").get(1);
        assertThat(html.key()).isEqualTo("_status/translations/index.html");
        String actual = new String(html.content(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(actual).contains("&lt;MIG&gt;").doesNotContain("<MIG>");
    }

    @Test
    void aDashboardMadeAgainAfterAChangeIsTheDashboardMadeFromScratch() {
        TranslationDashboard dashboard = new TranslationDashboard();
        List<TranslationGroup> before = blog();
        dashboard.outputs("blog", "Blog", before, "no-cache");
        // The unchanged groups are the very same objects, as the site model keeps them.
        List<TranslationGroup> changed = new java.util.ArrayList<>(before);
        changed.set(0, group("posts/gpu", Map.of("en", "ok", "zh", "stale"), List.of(), "posts/gpu.md", "posts/gpu_zh.md"));
        changed.add(group("posts/new", Map.of("zh", "only"), List.of(), "posts/new_zh.md"));

        List<OutputObject> again = dashboard.outputs("blog", "Blog", changed, "no-cache");
        List<OutputObject> fresh = new TranslationDashboard().outputs("blog", "Blog", changed, "no-cache");

        assertThat(again.getFirst().content()).isEqualTo(EventJson.write(TranslationReport.of("blog", changed)));
        assertThat(new String(again.get(1).content(), StandardCharsets.UTF_8))
                .isEqualTo(new String(fresh.get(1).content(), StandardCharsets.UTF_8))
                .contains("posts/new", "status-stale");
    }
}
