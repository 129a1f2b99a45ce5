package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.CommitInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastChangesTest {

    @TempDir Path source;

    /** Many paths are looked up in a set instead of a path filter: the histories must not differ. */
    @Test
    void aFullImportsManyPathsGetTheSameHistoriesAsAFewDo() throws Exception {
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            List<String> paths = IntStream.range(0, 300).mapToObj(i -> "posts/" + (i % 7) + "/p" + i + ".md").toList();
            for (String path : paths) {
                write(path, "first " + path);
            }
            RevCommit first = commit(git, "import");
            write("posts/0/p0.md", "edited");
            write("posts/new.md", "new");
            RevCommit second = commit(git, "edit");
            List<String> all = new java.util.ArrayList<>(paths);
            all.add("posts/new.md");
            all.remove("posts/1/p1.md");

            var many = LastChanges.of(git.getRepository(), second, all);
            var few = LastChanges.of(git.getRepository(), second, List.of("posts/0/p0.md", "posts/new.md", "posts/3/p3.md"));

            assertThat(ids(many.get("posts/0/p0.md"))).containsExactly(second.name(), first.name());
            assertThat(ids(many.get("posts/new.md"))).containsExactly(second.name());
            assertThat(ids(many.get("posts/3/p3.md"))).containsExactly(first.name());
            assertThat(many).hasSize(300).doesNotContainKey("posts/1/p1.md");
            for (String path : few.keySet()) {
                assertThat(few.get(path)).isEqualTo(many.get(path));
            }
        }
    }

    private static List<String> ids(List<CommitInfo> history) {
        return history.stream().map(CommitInfo::id).toList();
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(source.resolve(path).getParent());
        Files.writeString(source.resolve(path), text);
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("A", "a@example.org").setSign(false).call();
    }
}
