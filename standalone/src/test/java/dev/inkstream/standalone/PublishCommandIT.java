package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkstream publish}: the same pipeline through Kafka, run to one release, then copied out. */
class PublishCommandIT {

    @TempDir Path work;

    @Test
    void publishesTheBranchHeadAndOnTheSameDataOnlyWhatChangedNext() throws Exception {
        Path repo = work.resolve("site");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("README.md"), "# Home\n\nWelcome.\n");
            Files.createDirectories(repo.resolve("notes"));
            Files.writeString(repo.resolve("notes/one.md"), "---\ntitle: One\ndate: 2026-10-01\n---\nFirst note.\n");
            Files.writeString(repo.resolve("notes/two.md"), "---\ntitle: Two\ndate: 2026-10-02\n---\nSecond note.\n");
            commit(git, "Three pages");

            Path data = work.resolve("data");
            Path out = work.resolve("out");
            CliRun first = publish("--repo", repo.toString(), "--data", data.toString(), "--out", out.toString());

            assertThat(first.exit()).as(first.output()).isZero();
            assertThat(first.output()).contains("Published site (main)", "3 documents", "12 objects written", "0 deleted");
            assertThat(Files.readString(out.resolve("notes/one/index.html"))).contains("First note.");
            assertThat(Files.readString(out.resolve("index.html"))).contains("Welcome.", "notes/two/");
            assertThat(out.resolve("_inkstream/current.json")).exists();

            Files.writeString(repo.resolve("notes/two.md"), "---\ntitle: Two\ndate: 2026-10-02\n---\nSecond note, revised.\n");
            commit(git, "Revise two");
            CliRun second = publish("--repo", repo.toString(), "--data", data.toString(), "--out", out.toString());

            assertThat(second.exit()).as(second.output()).isZero();
            // The revised page, the index (it shows the opening words), the three feeds (full content)
            // and the sitemap (lastmod from git) change; the other page, 404, robots and the theme do not.
            assertThat(second.output()).contains("3 documents", "6 objects written", "6 unchanged", "0 deleted");
            assertThat(Files.readString(out.resolve("notes/two/index.html"))).contains("revised");

            // A deletion, then a restart with more work: the replayed queue must not wait for the
            // deleted page (it did once, and publishing stopped for good).
            git.rm().addFilepattern("notes/one.md").call();
            commit(git, "Delete one");
            CliRun third = publish("--repo", repo.toString(), "--data", data.toString(), "--out", out.toString());
            assertThat(third.exit()).as(third.output()).isZero();
            assertThat(third.output()).contains("2 documents", "1 deleted");
            assertThat(out.resolve("notes/one")).as("--out mirrors the bucket").doesNotExist();

            Files.writeString(repo.resolve("notes/three.md"), "---\ntitle: Three\ndate: 2026-10-03\n---\nThird note.\n");
            commit(git, "Add three");
            CliRun fourth = publish("--repo", repo.toString(), "--data", data.toString(), "--out", out.toString());
            assertThat(fourth.exit()).as(fourth.output()).isZero();
            assertThat(Files.readString(out.resolve("notes/three/index.html"))).contains("Third note.");
        }
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothingAndMassDeletionsWaitForConfirmation() throws Exception {
        Path repo = work.resolve("site");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("notes"));
            // Enough notes that deleting most of them deletes more than half of the site's objects,
            // the lists, feeds and assets included.
            for (int i = 1; i <= 30; i++) {
                Files.writeString(repo.resolve("notes/n" + i + ".md"), "---\ntitle: Note " + i + "\ndate: 2026-10-01\n---\nBody " + i + ".\n");
            }
            commit(git, "Thirty notes");
            Path data = work.resolve("data");
            Path out = work.resolve("out");
            String[] args = {"--repo", repo.toString(), "--data", data.toString(), "--out", out.toString()};
            assertThat(publish(args).exit()).isZero();

            Files.writeString(repo.resolve("notes/n1.md"), "---\ntitle: Note 1\ndate: 2026-10-01\n---\nBody 1, revised.\n");
            commit(git, "Revise one");
            CliRun dryRun = publish("--repo", repo.toString(), "--data", data.toString(), "--dry-run");

            assertThat(dryRun.exit()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).contains("Dry run of site (main)", "nothing was written", "pages (1):",
                    "+ notes/n1/index.html");
            // The last plan printed is the head's (the log may show earlier commits replayed before it).
            Matcher plan = last("(\\d+) to upload, (\\d+) unchanged, 0 to delete \\(of (\\d+) live objects\\)", dryRun.output());
            CliRun afterDryRun = publish(args);
            assertThat(afterDryRun.output()).as("the dry run uploaded nothing: the real run uploads what it planned")
                    .contains(plan.group(1) + " objects written");

            for (int i = 1; i <= 25; i++) {
                git.rm().addFilepattern("notes/n" + i + ".md").call();
            }
            commit(git, "Delete twenty-five");
            CliRun held = publish(args);

            assertThat(held.exit()).as(held.output()).isEqualTo(PublishCommand.HELD);
            Matcher valve = last("was held: release would delete (\\d+) of (\\d+) live objects", held.output());
            assertThat(Integer.parseInt(valve.group(1))).isGreaterThanOrEqualTo(25)
                    .isGreaterThan(Integer.parseInt(valve.group(2)) / 2);
            assertThat(held.output()).contains("inkstream.publish.max-delete-share=0.5", "--confirm-deletes", "- notes/n1/index.html");
            assertThat(out.resolve("notes/n1/index.html")).as("nothing deleted").exists();

            String[] confirmed = {"--repo", repo.toString(), "--data", data.toString(), "--out", out.toString(),
                    "--confirm-deletes"};
            CliRun deployed = publish(confirmed);
            assertThat(deployed.exit()).as(deployed.output()).isZero();
            assertThat(deployed.output()).contains("5 documents", valve.group(1) + " deleted");
            assertThat(out.resolve("notes/n1")).doesNotExist();
        }
    }

    /** The last match of {@code regex} in {@code text}, failing the test when there is none. */
    private static Matcher last(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int start = -1;
        while (matcher.find()) {
            start = matcher.start();
        }
        assertThat(start).as("'" + regex + "' in " + text).isNotNegative();
        matcher.find(start);
        return matcher;
    }

    @Test
    void aMissingBranchIsAClearErrorNotAHang() throws Exception {
        Path repo = work.resolve("site");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.md"), "a");
            commit(git, "a");
        }

        CliRun result = publish("--repo", repo.toString(), "--ref", "gh-pages", "--data", work.resolve("d").toString(),
                "--out", work.resolve("o").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("branch 'gh-pages' not found in " + repo);
    }

    @Test
    void aRepoThatIsNotADirectoryIsAUsageErrorNotAStackTrace() {
        CliRun result = publish("--repo", work.resolve("nope").toString(), "--out", work.resolve("o").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("--repo " + work.resolve("nope") + ": no such directory")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aNonEmptyOutThatIsNotAnEarlierOutputIsNeverOverwritten() throws Exception {
        Path repo = work.resolve("site");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.md"), "a");
            commit(git, "a");
        }
        Path home = Files.createDirectories(work.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "precious");

        CliRun result = publish("--repo", repo.toString(), "--data", work.resolve("d").toString(), "--out", home.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("is not empty and holds no earlier Inkstream output");
        assertThat(home.resolve("thesis.tex")).hasContent("precious");
    }

    @Test
    void theDefaultBranchIsTheOneHeadPointsAt() throws Exception {
        Path repo = work.resolve("site");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("master").call()) {
            Files.writeString(repo.resolve("a.md"), "a");
            commit(git, "a");
            git.branchCreate().setName("main").call();
        }

        assertThat(RepositorySpec.of(repo.toString(), null).branch()).isEqualTo("master");
    }

    private static CliRun publish(String... args) {
        return CliRun.of("publish", args);
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("IT", "it@example.org").setSign(false).call();
    }
}
