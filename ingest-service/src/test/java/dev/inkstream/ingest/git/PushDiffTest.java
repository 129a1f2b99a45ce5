package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.ChangeSet.PathChange;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushDiffTest {

    @TempDir Path work;
    Git git;

    @BeforeEach
    void init() throws Exception {
        git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
    }

    @Test
    void firstPushImportsTheWholeTreeWithLastChangeCommits() throws Exception {
        write("posts/hello.md", "# Hello\n");
        RevCommit first = commit("Add hello");
        write("posts/hello_zh.md", "# 你好\n");
        write("img/logo.png", "\u0089PNG");
        RevCommit second = commit("Add translation");

        var result = PushDiff.compute(git.getRepository(), "blog", "refs/heads/main", Optional.empty(), second, 1 << 20, "d1");

        assertThat(result.changeSet().before()).isNull();
        assertThat(result.changeSet().after()).isEqualTo(second.name());
        assertThat(result.changeSet().changes()).extracting(PathChange::path, PathChange::type, PathChange::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("posts/hello.md", ChangeType.ADDED, DocumentKind.MARKDOWN),
                        org.assertj.core.groups.Tuple.tuple("posts/hello_zh.md", ChangeType.ADDED, DocumentKind.MARKDOWN),
                        org.assertj.core.groups.Tuple.tuple("img/logo.png", ChangeType.ADDED, DocumentKind.ASSET));
        SourceDocument hello = document(result, "posts/hello.md");
        assertThat(hello.text()).isEqualTo("# Hello\n");
        assertThat(hello.commit()).isEqualTo(second.name());
        assertThat(hello.lastChange().id()).isEqualTo(first.name());
        assertThat(hello.lastChange().subject()).isEqualTo("Add hello");
        assertThat(document(result, "posts/hello_zh.md").lastChange().id()).isEqualTo(second.name());
        SourceDocument logo = document(result, "img/logo.png");
        assertThat(logo.text()).isNull();
        assertThat(logo.blobRef()).as("claim check").isEqualTo("_inkstream/blobs/" + logo.blobId());
    }

    @Test
    void laterPushCarriesOnlyWhatChangedAndDeletions() throws Exception {
        write("a.md", "A\n");
        write("b.md", "B\n");
        RevCommit first = commit("two files");
        write("a.md", "A, edited\n");
        git.rm().addFilepattern("b.md").call();
        RevCommit second = commit("edit a, delete b");

        var result = PushDiff.compute(git.getRepository(), "blog", "refs/heads/main", Optional.of(first), second, 1 << 20, "d2");

        assertThat(result.changeSet().changes()).extracting(PathChange::path, PathChange::type)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a.md", ChangeType.MODIFIED),
                        org.assertj.core.groups.Tuple.tuple("b.md", ChangeType.DELETED));
        assertThat(result.documents()).extracting(SourceDocument::path).containsExactly("a.md");
        assertThat(result.deletedPaths()).containsExactly("b.md");
    }

    @Test
    void eachDocumentCarriesTheCommitsThatChangedItNewestFirst() throws Exception {
        write("post.md", "v1");
        RevCommit c1 = commit("Write post");
        write("post_zh.md", "译文 v1");
        RevCommit c2 = commit("Translate post");
        write("post.md", "v2");
        RevCommit c3 = commit("Fix a typo in post");

        var result = PushDiff.compute(git.getRepository(), "blog", "refs/heads/main", Optional.empty(), c3, 1 << 20, "d");

        assertThat(document(result, "post.md").history()).extracting(c -> c.id(), c -> c.subject())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c3.name(), "Fix a typo in post"),
                        org.assertj.core.groups.Tuple.tuple(c1.name(), "Write post"));
        assertThat(document(result, "post_zh.md").history()).extracting(c -> c.id()).containsExactly(c2.name());
        assertThat(document(result, "post.md").lastChange().id()).isEqualTo(c3.name());
    }

    @Test
    void documentsAreReadFromGitInWhateverBatchesTheCallerAsksFor() throws Exception {
        for (int i = 0; i < 7; i++) {
            write("p" + i + ".md", "page " + i);
        }
        RevCommit head = commit("seven pages");

        var result = PushDiff.compute(git.getRepository(), "blog", "refs/heads/main", Optional.empty(), head, 1 << 20, "d");
        List<SourceDocument> batched = new java.util.ArrayList<>();
        for (int from = 0; from < result.documentCount(); from += 3) {
            batched.addAll(result.documents(from, Math.min(result.documentCount(), from + 3)));
        }

        assertThat(result.documentCount()).isEqualTo(7);
        assertThat(batched).isEqualTo(result.documents());
        assertThat(batched).extracting(SourceDocument::text).contains("page 0", "page 6");
    }

    @Test
    void invalidUtf8AndOversizedFilesBecomeDiagnosticsNotLostDocuments() throws Exception {
        Files.write(work.resolve("latin1.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        write("big.md", "x".repeat(2000));
        RevCommit head = commit("odd files");

        var result = PushDiff.compute(git.getRepository(), "blog", "refs/heads/main", Optional.empty(), head, 1000, "d3");

        SourceDocument latin1 = document(result, "latin1.md");
        assertThat(latin1.text()).isEqualTo("caf\uFFFD\n");
        assertThat(latin1.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("invalid-encoding");
            assertThat(d.message()).contains("byte 3 is not valid UTF-8");
        });
        SourceDocument big = document(result, "big.md");
        assertThat(big.text()).isNull();
        assertThat(big.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("too-large");
            assertThat(d.message()).contains("2000 bytes");
        });
    }

    private static SourceDocument document(PushDiff.Result result, String path) throws IOException {
        return result.documents().stream().filter(d -> d.path().equals(path)).findFirst().orElseThrow();
    }

    private void write(String path, String text) throws IOException {
        WorkTree.write(git, path, text);
    }

    private RevCommit commit(String message) throws Exception {
        return WorkTree.commit(git, message);
    }

}
