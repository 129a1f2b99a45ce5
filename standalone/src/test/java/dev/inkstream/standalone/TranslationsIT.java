package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.Topics;
import dev.inkstream.events.TranslationGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bilingual push through the real pipeline: the translation checks' topology emits to translations.v1. */
class TranslationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static LocalRuntime runtime;

    @TempDir Path work;

    @BeforeAll
    static void start() throws Exception {
        runtime = SharedRuntime.get();
    }

    private static void write(Git git, String path, String text) throws Exception {
        PipelineIT.write(git, path, text);
    }

    private static void commitAndPush(Git git, String message) throws Exception {
        PipelineIT.commitAndPush(git, message);
    }

    @Test
    void aBilingualPushBecomesTranslationGroupsAndARenamedSourceRetractsItsGroup() throws Exception {
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url())
                .setDirectory(work.resolve("clone").toFile()).call()) {
            write(git, "i18n-it/2026-01-05/gpu-sharing.md", "# GPU sharing\n\nTime slicing and MIG.\n");
            write(git, "i18n-it/2026-01-05/gpu-sharing_zh.md", "# GPU 共享\n\n时间片与 MIG。\n");
            write(git, "i18n-it/2026-01-09/only-in-chinese_zh.md", "# 只有中文\n\n这篇只有中文。\n");
            commitAndPush(git, "Bilingual posts");

            TranslationGroup pair = awaitGroup("demo:i18n-it/2026-01-05/gpu-sharing", g -> g.membersByLanguage().size() == 2);
            assertThat(pair.membersByLanguage()).containsEntry("en", "i18n-it/2026-01-05/gpu-sharing.md")
                    .containsEntry("zh", "i18n-it/2026-01-05/gpu-sharing_zh.md");
            assertThat(pair.members().get("zh").url()).isEqualTo("/zh/i18n-it/2026-01-05/gpu-sharing/");
            assertThat(pair.statusByLanguage()).containsEntry("en", "ok").containsEntry("zh", "ok");
            TranslationGroup only = awaitGroup("demo:i18n-it/2026-01-09/only-in-chinese", g -> true);
            assertThat(only.statusByLanguage()).containsEntry("zh", "only");
            assertThat(EdgeClient.awaitPage("/zh/i18n-it/2026-01-05/gpu-sharing/", body -> body.contains("GPU 共享")))
                    .contains("时间片");

            git.rm().addFilepattern("i18n-it/2026-01-05/gpu-sharing.md").call();
            write(git, "i18n-it/2026-01-05/gpus-sharing.md", "# GPU sharing\n\nTime slicing and MIG.\n");
            commitAndPush(git, "Rename the source");

            await().atMost(PATIENCE).until(() -> latest("demo:i18n-it/2026-01-05/gpu-sharing")
                    .filter(r -> r.value() == null || group(r).membersByLanguage().size() == 1).isPresent());
            assertThat(group(latest("demo:i18n-it/2026-01-05/gpu-sharing").orElseThrow()).statusByLanguage())
                    .as("the translation stays, now without its source").containsEntry("zh", "only");
            assertThat(awaitGroup("demo:i18n-it/2026-01-05/gpus-sharing", g -> true).statusByLanguage())
                    .containsEntry("zh", "missing");

            String dashboard = EdgeClient.awaitPage("/_status/translations.json", body -> body.contains("i18n-it/2026-01-05/gpus-sharing"));
            assertThat(dashboard).contains("\"defaultLanguage\":\"en\"").contains("\"convention\":\"suffix\"")
                    .contains("near-miss-pair");
            assertThat(EdgeClient.awaitPage("/_status/translations/", body -> body.contains("gpus-sharing")))
                    .contains("<h1>Translations · IT site</h1>");

            git.rm().addFilepattern("i18n-it").call();
            commitAndPush(git, "Remove the bilingual posts");
            EdgeClient.awaitPage("/_status/translations.json", body -> !body.contains("i18n-it/"));
        }
    }

    private static TranslationGroup awaitGroup(String key, java.util.function.Predicate<TranslationGroup> ready) {
        return await().atMost(PATIENCE).until(() -> latest(key).filter(r -> r.value() != null).map(TranslationsIT::group)
                .filter(ready).orElse(null), g -> g != null);
    }

    private static Optional<ConsumerRecord<String, byte[]>> latest(String key) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.committed(runtime.bootstrapServers(), Topics.TRANSLATIONS);
        return records.stream().filter(r -> key.equals(r.key())).reduce((a, b) -> b);
    }

    private static TranslationGroup group(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), TranslationGroup.class);
    }
}
