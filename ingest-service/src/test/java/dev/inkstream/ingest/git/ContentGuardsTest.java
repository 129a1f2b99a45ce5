package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.ChangeSet.PathChange;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every guard on what enters the pipeline, fed the bad input through a real repository. */
class ContentGuardsTest {

    private static final long MAX_FILE = 5000;

    @TempDir Path work;
    @TempDir Path other;
    Git git;

    @BeforeEach
    void init() throws Exception {
        git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
    }

    @Test
    void symlinksAreNeverFollowedAndReported() throws Exception {
        write("real.md", "# Real\n");
        Files.createSymbolicLink(work.resolve("link.md"), Path.of("/etc/passwd"));

        ChangeSet changeSet = importAll().changeSet();

        assertThat(paths(changeSet)).containsExactly("real.md");
        assertThat(reason(changeSet, "link.md")).satisfies(d -> {
            assertThat(d.code()).isEqualTo("symlink-skipped");
            assertThat(d.message()).contains("link.md is a symbolic link");
        });
    }

    @Test
    void submodulesAreSkippedAndReported() throws Exception {
        try (Git sub = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
            Files.writeString(other.resolve("x.md"), "x");
            sub.add().addFilepattern(".").call();
            sub.commit().setMessage("sub").setAuthor("A", "a@example.org").setSign(false).call();
        }
        git.submoduleAdd().setPath("vendor/theme").setURI(other.toUri().toString()).call().close();

        ChangeSet changeSet = importAll().changeSet();

        assertThat(reason(changeSet, "vendor/theme").code()).isEqualTo("submodule-skipped");
        assertThat(paths(changeSet)).doesNotContain("vendor/theme");
    }

    @Test
    void filesOverTheSizeLimitAreReportedNotPublished() throws Exception {
        write("small.md", "small");
        write("video.mp4", "x".repeat((int) MAX_FILE + 1));

        ChangeSet changeSet = importAll().changeSet();

        assertThat(paths(changeSet)).containsExactly("small.md");
        assertThat(reason(changeSet, "video.mp4").message()).contains("5001 bytes", "files over 5000 bytes");
    }

    @Test
    void controlCharactersAndNonNfcNamesAreRefused() throws Exception {
        write("bad\u0007name.md", "beep");
        write("cafe\u0301.md", "decomposed");

        ChangeSet changeSet = importAll().changeSet();

        assertThat(paths(changeSet)).isEmpty();
        assertThat(reason(changeSet, "bad\u0007name.md").message()).contains("control characters", "bad\\u0007name.md");
        assertThat(reason(changeSet, "cafe\u0301.md").message()).contains("not in Unicode NFC", "'caf\u00e9.md'");
    }

    @Test
    void unsafeNamesThatGitTreesCouldCarryAreRecognised() {
        assertThat(ContentRules.unsafeName("../etc/passwd")).isPresent();
        assertThat(ContentRules.unsafeName("/abs.md")).isPresent();
        assertThat(ContentRules.unsafeName("a//b.md")).isPresent();
        assertThat(ContentRules.unsafeName("sub/.GIT/config")).get().asString().contains("git's own files");
        assertThat(ContentRules.unsafeName("win\\path.md")).isPresent();
        assertThat(ContentRules.unsafeName("posts/2026/ok-名前.md")).isEmpty();
    }

    @Test
    void hiddenFilesAndToolingFoldersAreNotContent() throws Exception {
        write(".github/workflows/ci.yml", "on: push");
        write("node_modules/pkg/README.md", "# pkg");
        write("docs/node_modules/x/README.md", "# x");
        write(".gitignore", "target/");
        write("docs/guide.md", "# Guide");

        ChangeSet changeSet = importAll().changeSet();

        assertThat(paths(changeSet)).containsExactly("docs/guide.md");
        assertThat(changeSet.skipped()).isEmpty();
    }

    @Test
    void rootSiteConfigsAreConfigAndLayoutsAreLayoutsEvenWhenIncludeNarrowsTheContent() throws Exception {
        write("inkstream.yaml", "title: Site\ninclude: ['content/**']\n");
        write("hugo.toml", "title = 'Old'\n");
        write("_config.yml", "title: Jekyll\n");
        write("layouts/page.peb", "{{ doc.title }}");
        write("content/post.md", "# Post");
        write("content/config.toml", "not the site's: only root files configure it");
        write("notes.md", "# Not content");
        RevCommit head = commit("configured");

        var config = SiteContentConfig.read(git.getRepository(), head, MAX_FILE);
        var result = PushDiff.compute(git.getRepository(), "r", "refs/heads/main", Optional.empty(), head, 1 << 20, "d",
                config.rules());

        assertThat(result.changeSet().changes()).extracting(PathChange::path, PathChange::kind).containsExactlyInAnyOrder(
                Tuple.tuple("inkstream.yaml", DocumentKind.CONFIG), Tuple.tuple("hugo.toml", DocumentKind.CONFIG),
                Tuple.tuple("_config.yml", DocumentKind.CONFIG), Tuple.tuple("layouts/page.peb", DocumentKind.LAYOUT),
                Tuple.tuple("content/post.md", DocumentKind.MARKDOWN),
                Tuple.tuple("content/config.toml", DocumentKind.ASSET));
        assertThat(result.documents()).filteredOn(d -> d.kind() == DocumentKind.CONFIG)
                .allSatisfy(d -> assertThat(d.text()).isNotNull());
    }

    @Test
    void inkstreamYmlIsReadLikeInkstreamYaml() throws Exception {
        write("inkstream.yml", "exclude: ['drafts/**']\n");
        write("drafts/wip.md", "# WIP");
        write("post.md", "# Post");
        RevCommit head = commit("yml");

        var config = SiteContentConfig.read(git.getRepository(), head, MAX_FILE);

        assertThat(config.rules().excluded("drafts/wip.md")).isTrue();
        assertThat(config.rules().excluded("post.md")).isFalse();
    }

    @Test
    void theSiteConfigsIncludeAndExcludeGlobsApply() throws Exception {
        write("inkstream.yaml", "include: ['content/**']\nexclude: ['content/drafts/**']\n");
        write("content/post.md", "# Post");
        write("content/drafts/wip.md", "# WIP");
        write("notes.md", "# Not content");
        RevCommit head = commit("configured");

        var config = SiteContentConfig.read(git.getRepository(), head, MAX_FILE);
        var result = PushDiff.compute(git.getRepository(), "r", "refs/heads/main", Optional.empty(), head, 1 << 20, "d",
                config.rules());

        assertThat(config.problem()).isEmpty();
        assertThat(paths(result.changeSet())).containsExactlyInAnyOrder("inkstream.yaml", "content/post.md");
    }

    @Test
    void anUnreadableSiteConfigIsReportedAndTheDefaultsApply() {
        var read = SiteContentConfig.parse("include: [unclosed\n", MAX_FILE);

        assertThat(read.problem()).get().satisfies(p -> {
            assertThat(p.path()).isEqualTo("inkstream.yaml");
            assertThat(p.reason().code()).isEqualTo("site-config-invalid");
            assertThat(p.reason().message()).contains("not valid YAML");
        });
        assertThat(read.rules().excluded("posts/a.md")).isFalse();
        assertThat(SiteContentConfig.parse("include: 42\n", MAX_FILE).problem()).get()
                .satisfies(p -> assertThat(p.reason().message()).contains("a glob or a list of globs"));
    }

    @Test
    void aRenameIsADeletionAndAnAdditionNamingWhereItCameFrom() throws Exception {
        String body = "# A long enough post\n\n" + "Some text that makes the rename detector confident.\n".repeat(20);
        write("posts/old-name.md", body);
        RevCommit first = commit("add");
        git.rm().addFilepattern("posts/old-name.md").call();
        write("posts/new-name.md", body);
        RevCommit second = commit("rename");

        var result = PushDiff.compute(git.getRepository(), "r", "refs/heads/main", Optional.of(first), second, 1 << 20, "d",
                ContentRules.defaults(MAX_FILE));

        assertThat(result.changeSet().changes()).extracting(PathChange::path, PathChange::type, PathChange::renamedFrom)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("posts/old-name.md", ChangeType.DELETED, null),
                        Tuple.tuple("posts/new-name.md", ChangeType.ADDED, "posts/old-name.md"));
        assertThat(result.deletedPaths()).containsExactly("posts/old-name.md");
    }

    private PushDiff.Result importAll() throws Exception {
        RevCommit head = commit("import");
        return PushDiff.compute(git.getRepository(), "r", "refs/heads/main", Optional.empty(), head, 1 << 20, "d",
                ContentRules.defaults(MAX_FILE));
    }

    private static List<String> paths(ChangeSet changeSet) {
        return changeSet.changes().stream().map(PathChange::path).toList();
    }

    private static Diagnostic reason(ChangeSet changeSet, String path) {
        return changeSet.skipped().stream().filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not reported in " + changeSet.skipped())).reason();
    }

    private void write(String path, String text) throws IOException {
        WorkTree.write(git, path, text);
    }

    private RevCommit commit(String message) throws Exception {
        return WorkTree.commit(git, message);
    }
}
