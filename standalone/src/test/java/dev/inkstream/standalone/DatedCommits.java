package dev.inkstream.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository in a temp dir whose commits carry the dates a test needs. */
final class DatedCommits implements AutoCloseable {

    private final Git git;
    private final Path dir;

    DatedCommits(Path dir) throws GitAPIException {
        this.dir = dir;
        this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    DatedCommits write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    DatedCommits delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Commits everything in the working tree at {@code day} (UTC noon). */
    DatedCommits commit(String day, String subject) throws GitAPIException {
        PersonIdent author = new PersonIdent(new PersonIdent("Ann Author", "ann@example.org"),
                Instant.parse(day + "T12:00:00Z").atZone(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(subject).setAuthor(author).setCommitter(author).call();
        return this;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        git.close();
    }

}
