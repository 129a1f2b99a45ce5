package dev.inkstream.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Comparator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;

/**
 * The demo content repository of {@code inkstream up} without {@code --repo}: a bare repository
 * under the data dir with a few pages, whose {@code post-receive} hook calls the webhook, so a
 * user can clone, edit, push and watch the change go live.
 */
public final class DemoRepository {

    public static final String ID = "demo";
    private static final String BRANCH = "main";
    private static final List<String> FILES = List.of(
            "README.md", "about.md", "cv.txt",
            "posts/2026-11-20/hello-inkstream.md", "posts/2026-11-20/hello-inkstream_zh.md");

    /**
     * Creates the repository on first use and (re)writes its hook for this run's webhook URL.
     * Returns its spec.
     */
    public static RepositorySpec ensure(Path dataDir, URI webhook, String secret) throws IOException, GitAPIException {
        Path bare = dataDir.resolve("demo").resolve("site.git");
        if (!Files.exists(bare.resolve("HEAD"))) {
            create(bare);
        }
        writeHook(bare, webhook, secret);
        return new RepositorySpec(ID, bare.toString(), BRANCH);
    }

    private static void create(Path bare) throws IOException, GitAPIException {
        Files.createDirectories(bare);
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch(BRANCH).call().close();
        Path work = Files.createTempDirectory("inkstream-demo");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(BRANCH).call()) {
            for (String file : FILES) {
                Path target = work.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, resource(file));
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Demo site").setAuthor("Inkstream", "demo@inkstream.invalid").setSign(false).call();
            git.push().setRemote(bare.toString()).setRefSpecs(new RefSpec(BRANCH + ":" + BRANCH)).call();
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void writeHook(Path bare, URI webhook, String secret) throws IOException {
        String hook = new String(resource("post-receive"), StandardCharsets.UTF_8)
                .replace("@WEBHOOK_URL@", webhook.toString())
                .replace("@SECRET@", secret)
                .replace("@REPO@", ID);
        Path file = bare.resolve("hooks").resolve("post-receive");
        Files.createDirectories(file.getParent());
        Files.writeString(file, hook, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoRepository.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemoRepository() {}
}
