package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic.Severity;
import dev.inkstream.events.EventJson;
import dev.inkstream.publish.translations.TranslationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkstream check} on real git repositories built here, with dated commits. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private String output;

    private int check(CheckCommand.Format format, Severity failOn, boolean workingTree) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CheckCommand(dir, workingTree, format, failOn, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        output = bytes.toString(StandardCharsets.UTF_8);
        return exit;
    }

    @Test
    void aSourceEditedAfterItsTranslationMakesItStale() throws Exception {
        try (DatedCommits repo = new DatedCommits(dir)) {
            repo.write("posts/gpu.md", "# GPUs\n\nSharing GPUs.\n").write("posts/gpu_zh.md", "# GPU\n\n共享 GPU。\n")
                    .commit("2026-01-05", "GPU post in two languages")
                    .write("posts/gpu.md", "# GPUs\n\nSharing GPUs.\n\n## MIG\n\nPartitions.\n")
                    .commit("2026-02-01", "Add a section on MIG");
        }

        int exit = check(CheckCommand.Format.TEXT, Severity.WARNING, false);

        assertThat(exit).isEqualTo(1);
        assertThat(output).contains("posts/gpu_zh.md: warning stale-translation posts/gpu.md changed in 1 commit after this"
                + " translation last did (2026-01-05): 2026-02-01 \"Add a section on MIG\"");
        assertThat(output).contains("suggestion: git diff ");
        assertThat(output).contains("default language en, convention suffix");
    }

    @Test
    void aTypoFixIsNotATranslationsConcern() throws Exception {
        try (DatedCommits repo = new DatedCommits(dir)) {
            repo.write("posts/gpu.md", "# GPUs\n\nSharing GPU.\n").write("posts/gpu_zh.md", "# GPU\n\n共享 GPU。\n")
                    .commit("2026-01-05", "GPU post in two languages")
                    .write("posts/gpu.md", "# GPUs\n\nSharing GPUs.\n")
                    .commit("2026-02-01", "Fix typo");
        }

        assertThat(check(CheckCommand.Format.TEXT, Severity.WARNING, false)).isEqualTo(0);
        assertThat(output).doesNotContain("stale-translation");
    }

    @Test
    void jsonHasTheDashboardShapeAndInfoFindingsDoNotFailByDefault() throws Exception {
        try (DatedCommits repo = new DatedCommits(dir)) {
            repo.write("content/en/posts/a.md", "# A\n").write("content/zh/posts/a.md", "# 甲\n")
                    .write("content/en/posts/b.md", "# B\n").write("content/zh/posts/only.md", "# 只有中文\n")
                    .commit("2026-01-05", "Posts");
        }

        assertThat(check(CheckCommand.Format.JSON, Severity.ERROR, false)).isEqualTo(0);
        TranslationReport report = EventJson.read(output, TranslationReport.class);
        assertThat(report.defaultLanguage()).isEqualTo("en");
        assertThat(report.convention()).isEqualTo("directory");
        assertThat(report.groups()).extracting(TranslationReport.Group::key).containsExactly("posts/a", "posts/b", "posts/only");
        assertThat(report.groups().getFirst().members().get("zh").url()).isEqualTo("/zh/posts/a/");
        assertThat(report.groups().get(1).status()).containsEntry("zh", "missing");
        assertThat(report.groups().get(2).findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("translation-only");
            assertThat(f.language()).isEqualTo("zh");
        });
    }

    @Test
    void theWorkingTreeIsCheckedWhenAsked() throws Exception {
        try (DatedCommits repo = new DatedCommits(dir)) {
            repo.write("a.md", "---\ndate: 2026-01-05\n---\n# A\n").write("a_zh.md", "---\ndate: 2026-01-05\n---\n# 甲\n")
                    .commit("2026-01-05", "A");
            repo.write("a_zh.md", "---\ndate: 2026-01-09\n---\n# 甲\n");
        }

        assertThat(check(CheckCommand.Format.TEXT, Severity.WARNING, false)).isEqualTo(0);
        assertThat(check(CheckCommand.Format.TEXT, Severity.WARNING, true)).isEqualTo(1);
        assertThat(output).contains("a_zh.md: warning front-matter-mismatch front matter 'date' is '2026-01-09' here but '2026-01-05' in a.md");
    }

    @Test
    void aFolderThatIsNoRepositoryIsAUsageError() throws Exception {
        assertThat(check(CheckCommand.Format.TEXT, Severity.ERROR, false)).isEqualTo(2);
    }
}
