package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A content repository for a runtime of a test's own: a bare origin on branch {@code main}, and
 * a clone that commits, pushes and announces each push to the runtime as the forge would.
 */
final class ContentRepository implements AutoCloseable {

    private final Path origin;
    private final Git clone;

    private ContentRepository(Path origin, Git clone) {
        this.origin = origin;
        this.clone = clone;
    }

    /** An empty repository {@code site.git} in {@code dir}, and its clone beside it. */
    static ContentRepository create(Path dir) throws Exception {
        Path origin = dir.resolve("site.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
        return new ContentRepository(origin, Git.cloneRepository().setURI(origin.toString())
                .setDirectory(dir.resolve("clone").toFile()).call());
    }

    RepositorySpec spec() {
        return RepositorySpec.of(origin.toString(), "main");
    }

    /** Commits {@code files} (path to text), pushes, and announces the push; returns the commit. */
    String push(LocalRuntime runtime, Map<String, String> files, String message) throws Exception {
        Path root = clone.getRepository().getWorkTree().toPath();
        for (var file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        clone.add().addFilepattern(".").call();
        return commitPushAndAnnounce(runtime, message);
    }

    /** Removes {@code folder}, pushes, and announces the push; returns the commit. */
    String remove(LocalRuntime runtime, String folder, String message) throws Exception {
        clone.rm().addFilepattern(folder).call();
        return commitPushAndAnnounce(runtime, message);
    }

    private String commitPushAndAnnounce(LocalRuntime runtime, String message) throws Exception {
        String head = clone.commit().setMessage(message).setAuthor("IT", "it@example.org").setSign(false).call().name();
        clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        assertThat(runtime.announce(runtime.repositories().getFirst(), head)).isEqualTo(202);
        return head;
    }

    @Override
    public void close() {
        clone.close();
    }
}
