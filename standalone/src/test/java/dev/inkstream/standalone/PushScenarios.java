package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ReleasePublished;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push scenarios written once and run against whichever Kafka and S3 a subclass wires the
 * services to: {@link EmbeddedPushScenariosIT} runs them on the embedded broker and S3 store in
 * every build, {@link ContainerPushScenariosIT} on a Kafka and a MinIO container where Docker runs.
 * Each scenario writes under a folder of its own, so it can share a runtime with other tests.
 */
abstract class PushScenarios {

    @TempDir Path work;

    /** The runtime to push to: its first repository, its webhook, its edge. */
    protected abstract LocalRuntime runtime() throws Exception;

    @Test
    void aPushedPageGoesLiveAndADeletedPageGoesAway() throws Exception {
        LocalRuntime runtime = runtime();
        String folder = "scenario-" + UUID.randomUUID().toString().substring(0, 8);
        try (Git git = Git.cloneRepository().setURI(runtime.repositories().getFirst().url())
                .setDirectory(work.resolve("clone").toFile()).call()) {
            write(git, folder + "/kept.md", "---\ntitle: Kept page\ntags: [scenario]\n---\nKept, version one.\n");
            write(git, folder + "/dropped.md", "# Dropped page\n\nThis one will be deleted.\n");
            RevCommit added = commitAndPush(runtime, git, "Two pages");

            assertThat(EdgeClient.awaitPage(runtime, "/" + folder + "/kept/", body -> body.contains("version one")))
                    .contains("<h1>Kept page</h1>");
            assertThat(EdgeClient.awaitPage(runtime, "/" + folder + "/dropped/", body -> true)).contains("will be deleted");
            ReleasePublished first = Releases.await(runtime, added.name());
            assertThat(first.objectsWritten()).as("two pages and the lists and feeds that show them").isGreaterThanOrEqualTo(3);
            assertThat(EdgeClient.get(runtime, "/tags/scenario/").body()).contains(folder + "/kept/");

            write(git, folder + "/kept.md", "---\ntitle: Kept page\ntags: [scenario]\n---\nKept, version two.\n");
            git.rm().addFilepattern(folder + "/dropped.md").call();
            RevCommit changed = commitAndPush(runtime, git, "Edit one page, delete the other");

            ReleasePublished second = Releases.await(runtime, changed.name());
            assertThat(second.objectsDeleted()).as("the deleted page's object").isGreaterThanOrEqualTo(1);
            assertThat(EdgeClient.get(runtime, "/" + folder + "/kept/").body()).contains("version two");
            assertThat(EdgeClient.get(runtime, "/" + folder + "/dropped/").statusCode()).isEqualTo(404);
            assertThat(Releases.currentCommit(runtime)).isEqualTo(changed.name());
        }
    }

    private static void write(Git git, String path, String text) throws Exception {
        Path file = git.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Commits, pushes with JGit (which runs no server-side hook) and sends the webhook as a forge
     * would; other tests may push to the same repository, hence the rebase.
     */
    private static RevCommit commitAndPush(LocalRuntime runtime, Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("Scenario", "scenario@example.org").setSign(false).call();
        synchronized (PipelineIT.class) {
            git.pull().setRebase(true).call();
            git.push().call();
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(runtime.announce(runtime.repositories().getFirst(), head.name())).isEqualTo(202);
            return head;
        }
    }
}
