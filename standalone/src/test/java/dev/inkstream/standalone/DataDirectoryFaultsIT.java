package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.security.auth.module.UnixSystem;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The object store's part of the data directory turns read-only, or fills up, while the
 * runtime runs: the release in flight fails with an error that names the directory, the live
 * release stays whole and served, and once the directory can be written again the release
 * goes live by itself (publish retries), with nothing half-written left behind.
 *
 * <p>Only the store's directory: Kafka halts the whole process when it cannot write its log,
 * which {@link DataDirectory} guards at start. A full disk needs a small file system of its
 * own: a tmpfs, mounted when the tests run as root (else that test is skipped and says why).
 */
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryFaultsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final boolean ROOT = new UnixSystem().getUid() == 0;

    @TempDir static Path work;
    private static Path store;
    private static boolean tmpfs;
    private static LocalRuntime runtime;
    private static ContentRepository repository;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        store = work.resolve("data/s3");
        Files.createDirectories(store);
        // 64 MiB: the site and its stored copies fit many times over, a filler file fills it at once.
        tmpfs = ROOT && run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", store.toString()) == 0;
        repository = ContentRepository.create(work);
        runtime = LocalRuntime.start(new LocalRuntime.Options(work.resolve("data"), List.of(repository.spec()),
                0, 0, "Disk"));
        awaitLive(repository.push(runtime, pages("First version"), "Ten pages"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (repository != null) {
            repository.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (tmpfs) {
            run("umount", store.toString());
        }
    }

    @Test
    void aReadOnlyStoreHoldsTheReleaseBackUntilItIsWritableAgain(CapturedOutput output) throws Exception {
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        ReleaseManifest previous = liveManifest();
        String head;
        try (ReadOnly ignored = ReadOnly.make(store)) {
            head = repository.push(runtime, pages("Written while read-only"), "Edit while the store is read-only");
            awaitFailure(output, head, ROOT ? "Read-only file system" : "permission denied");
            assertLiveAndWhole(previous);
        }
        awaitLive(head);
        assertThat(output.getAll()).contains("the object store can write to " + store + " again");
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    @Test
    void aFullStoreHoldsTheReleaseBackUntilThereIsSpaceAgain(CapturedOutput output) throws Exception {
        Assumptions.assumeTrue(tmpfs, "skipped: filling a disk needs a small file system of its own, and mounting a tmpfs"
                + " needs root (tests run as uid " + new UnixSystem().getUid() + ")");
        SiteInvariants.Before before = SiteInvariants.before(runtime);
        ReleaseManifest previous = liveManifest();
        Path filler = store.resolve("filler");
        String head;
        try {
            fill(filler);
            head = repository.push(runtime, pages("Written while full"), "Edit while the store is full");
            awaitFailure(output, head, "No space left on device");
            assertLiveAndWhole(previous);
        } finally {
            Files.deleteIfExists(filler);
        }
        awaitLive(head);
        assertThat(output.getAll()).contains("the object store can write to " + store + " again");
        SiteInvariants.assertConsistent(runtime, before, work);
    }

    /** Publish said the release failed, and the store said why, naming its directory. */
    private static void awaitFailure(CapturedOutput output, String commit, String why) {
        await("publish reporting the failed release of " + commit).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> output.getAll().lines().anyMatch(l -> l.contains("commit=" + commit) && l.contains("failed")));
        assertThat(output.getAll().lines().filter(l -> l.contains("cannot write to its directory")))
                .as("the store's error").anyMatch(l -> l.contains(store.toString()) && l.contains(why));
    }

    /** current.json still names {@code previous}; each of its objects is in the bucket with its recorded bytes, and served. */
    private void assertLiveAndWhole(ReleaseManifest previous) throws Exception {
        assertThat(liveManifest()).isEqualTo(previous);
        for (var object : previous.objects().entrySet()) {
            var head = runtime.s3().headObject(b -> b.bucket(LocalRuntime.BUCKET).key(object.getKey()));
            assertThat(head.metadata().get("sha256")).as(object.getKey()).isEqualTo(object.getValue());
            if (object.getKey().endsWith("index.html")) {
                HttpResponse<String> served = http.send(HttpRequest.newBuilder(runtime.edgeUri().resolve(object.getKey())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(served.statusCode()).as(object.getKey()).isEqualTo(200);
                assertThat(served.body()).as(object.getKey()).endsWith("</html>\n");
            }
        }
    }

    /** Writes zeros until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    /**
     * A directory made read-only until closed: for root, whom permissions do not stop, a
     * read-only bind mount of it onto itself; for anyone else, its permissions.
     */
    private record ReadOnly(Path dir) implements AutoCloseable {

        static ReadOnly make(Path dir) throws Exception {
            if (ROOT) {
                Assumptions.assumeTrue(run("mount", "--bind", dir.toString(), dir.toString()) == 0, "cannot bind-mount " + dir);
                if (run("mount", "-o", "remount,bind,ro", dir.toString()) != 0) {
                    run("umount", dir.toString());
                    Assumptions.abort("cannot remount " + dir + " read-only");
                }
            } else {
                permissions(dir, "r-xr-xr-x", "r--r--r--");
            }
            return new ReadOnly(dir);
        }

        @Override
        public void close() throws Exception {
            if (ROOT) {
                assertThat(run("umount", dir.toString())).isZero();
            } else {
                permissions(dir, "rwxr-xr-x", "rw-r--r--");
            }
        }

        private static void permissions(Path dir, String directories, String files) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.toList()) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? directories : files));
                }
            }
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.println(String.join(" ", command) + ": exit " + exit + ": " + said);
        }
        return exit;
    }

    private static Map<String, String> pages(String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            pages.put("notes/note-" + i + ".md", "# Note " + i + "\n\n" + version + ".\n");
        }
        return pages;
    }

    private static ReleaseManifest liveManifest() {
        return new ReleaseStore(runtime.s3(), LocalRuntime.BUCKET).live("", runtime.repositories().getFirst().id());
    }

    private static void awaitLive(String commit) {
        Releases.awaitLive(runtime, commit, PATIENCE);
    }
}
