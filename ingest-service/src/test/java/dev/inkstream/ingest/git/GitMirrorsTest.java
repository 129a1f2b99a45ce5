package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.ChangeSet.PathChange;
import dev.inkstream.ingest.IngestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
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

    @Test
    void aLocalRepositoryIsCopiedIntoTheMirrorWithTheObjectsAFetchWouldBring() throws Exception {
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            commit(git, "posts/2026/a.md", "A\n", "a");
            commit(git, "posts/2026/img/a.png", "\u0089PNG", "image");
            var config = new IngestSettings.Repository(source.toUri().toString(), "main", List.of("s"), null);
            GitMirrors mirrors = new GitMirrors(data);
            try (Repository mirror = mirrors.fetch("blog", config)) {
                assertHasEverythingReachable(git.getRepository(), mirror, "refs/heads/main");
            }
            // Incremental: only the changed subtree is new.
            commit(git, "posts/2026/a.md", "A, edited\n", "edit a");
            commit(git, "about.md", "About\n", "about");
            try (Repository mirror = mirrors.fetch("blog", config)) {
                assertHasEverythingReachable(git.getRepository(), mirror, "refs/heads/main");
            }
        }
    }

    @Test
    void aTreeAFetchWouldRefuseIsRefusedAndTheMirrorKeepsItsBranch() throws Exception {
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            RevCommit safe = commit(git, "a.md", "A\n", "a");
            var config = new IngestSettings.Repository(source.toString(), "main", List.of("s"), null);
            GitMirrors mirrors = new GitMirrors(data);
            mirrors.fetch("blog", config).close();

            Repository repository = git.getRepository();
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, "x".getBytes(StandardCharsets.UTF_8));
                TreeFormatter unsafe = new TreeFormatter();
                unsafe.append(".git", FileMode.REGULAR_FILE, blob);
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(inserter.insert(unsafe));
                commit.setParentId(safe);
                commit.setAuthor(new PersonIdent("A", "a@example.org"));
                commit.setCommitter(new PersonIdent("A", "a@example.org"));
                commit.setMessage("unsafe");
                ObjectId bad = inserter.insert(commit);
                inserter.flush();
                RefUpdate update = repository.updateRef("refs/heads/main");
                update.setNewObjectId(bad);
                update.setForceUpdate(true);
                update.update();
            }

            assertThatThrownBy(() -> mirrors.fetch("blog", config).close())
                    .isInstanceOf(CorruptObjectException.class).hasMessageContaining(".git");
            try (Repository mirror = new FileRepositoryBuilder().setGitDir(data.resolve("mirrors/blog.git").toFile()).build()) {
                assertThat(mirror.resolve("refs/heads/main")).isEqualTo(safe);
            }
        }
    }

    /** Every object reachable from {@code ref} in {@code source} is in {@code mirror}, and the ref matches. */
    private static void assertHasEverythingReachable(Repository source, Repository mirror, String ref) throws Exception {
        ObjectId head = source.resolve(ref);
        assertThat(mirror.resolve(ref)).isEqualTo(head);
        int objects = 0;
        try (ObjectWalk walk = new ObjectWalk(source)) {
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                assertThat(mirror.getObjectDatabase().has(commit)).as(commit.name()).isTrue();
                objects++;
            }
            for (var object = walk.nextObject(); object != null; object = walk.nextObject()) {
                assertThat(mirror.getObjectDatabase().has(object)).as(walk.getPathString()).isTrue();
                objects++;
            }
        }
        assertThat(objects).isGreaterThan(4);
    }

    private RevCommit commit(Git git, String path, String text, String message) throws Exception {
        Files.createDirectories(source.resolve(path).getParent());
        Files.writeString(source.resolve(path), text);
        git.add().addFilepattern(path).call();
        return git.commit().setMessage(message).setAuthor("A", "a@example.org").setSign(false).call();
    }
}
