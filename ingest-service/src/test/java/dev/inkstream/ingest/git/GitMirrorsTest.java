package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.ChangeSet.PathChange;
import dev.inkstream.ingest.IngestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitMirrorsTest {

    @TempDir Path source;
    @TempDir Path data;

    @Test
    void fetchesIncrementallyAndAForcePushIsDiffedAgainstTheLastIngestedTree() throws Exception {
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            RevCommit base = commit(git, "a.md", "A\n", "base");
            RevCommit ingested = commit(git, "b.md", "B\n", "add b");
            var config = new IngestSettings.Repository(source.toString(), "main", List.of("s"), null);
            GitMirrors mirrors = new GitMirrors(data);

            try (Repository mirror = mirrors.fetch("blog", config)) {
                assertThat(mirror.resolve("refs/heads/main")).isEqualTo(ingested);
                assertThat(GitMirrors.lastIngested(mirror, "main")).isEmpty();
            }
            mirrors.markIngested("blog", "main", ingested);

            // History rewritten: b.md never existed, c.md did.
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
            RevCommit rewritten = commit(git, "c.md", "C\n", "add c instead");

            try (Repository mirror = mirrors.fetch("blog", config)) {
                ObjectId head = mirror.resolve("refs/heads/main");
                ObjectId last = GitMirrors.lastIngested(mirror, "main").orElseThrow();
                assertThat(head).isEqualTo(rewritten);
                assertThat(last).isEqualTo(ingested);

                var result = PushDiff.compute(mirror, "blog", "refs/heads/main", java.util.Optional.of(last), head, 1 << 20, "d");

                assertThat(result.changeSet().changes()).extracting(PathChange::path, PathChange::type)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("b.md", ChangeType.DELETED),
                                org.assertj.core.groups.Tuple.tuple("c.md", ChangeType.ADDED));
            }
        }
    }

    private RevCommit commit(Git git, String path, String text, String message) throws Exception {
        Files.writeString(source.resolve(path), text);
        git.add().addFilepattern(path).call();
        return git.commit().setMessage(message).setAuthor("A", "a@example.org").setSign(false).call();
    }
}
