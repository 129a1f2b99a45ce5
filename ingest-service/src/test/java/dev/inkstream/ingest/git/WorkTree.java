package dev.inkstream.ingest.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git work tree in a temp dir, for tests that need commits. */
final class WorkTree {

    static void write(Git git, String path, String text) throws IOException {
        Path file = git.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Stages everything and commits it. */
    static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("Ada", "ada@example.org").setSign(false).call();
    }

    private WorkTree() {}
}
