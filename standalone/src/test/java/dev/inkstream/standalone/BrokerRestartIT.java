package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker restarts while a burst of pushes is in flight: every push is acknowledged
 * only once durable (a refused one is retried, as a forge retries), and every one ends up live.
 * A runtime of its own, since the broker of the shared one must not go away under other tests.
 */
class BrokerRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path work;

    @Test
    void everyPushOfABurstIsLiveAfterTheBrokerRestartsInTheMiddleOfIt() throws Exception {
        Path origin = work.resolve("site.git");
        try (Git ignored = Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call()) {
            // an empty bare repository to push into
        }
        try (Git git = Git.cloneRepository().setURI(origin.toString()).setDirectory(work.resolve("clone").toFile()).call();
             LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(work.resolve("data"),
                     List.of(RepositorySpec.of(origin.toString(), "main")), 0, 0, "Broker restart"))) {
            RepositorySpec repo = runtime.repositories().getFirst();
            SiteInvariants.Before before = SiteInvariants.before(runtime);
            List<String> heads = new ArrayList<>();
            for (int push = 0; push < 6; push++) {
                for (int i = 0; i < 40; i++) {
                    Path file = work.resolve("clone/burst/push-" + push + "/page-" + i + ".md");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "# Push " + push + " page " + i + "\n\nIn flight.\n", StandardCharsets.UTF_8);
                }
                git.add().addFilepattern(".").call();
                heads.add(git.commit().setMessage("Push " + push).setAuthor("IT", "it@example.org").setSign(false).call().name());
                git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
                announceUntilAccepted(runtime, repo, heads.getLast());
                if (push == 2) {
                    runtime.restartBroker();
                }
            }

            String head = heads.getLast();
            awaitCurrentCommit(runtime, head);
            for (int push = 0; push < 6; push++) {
                URI page = runtime.edgeUri().resolve("burst/push-" + push + "/page-39/");
                HttpResponse<String> served = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(served.statusCode()).as(page.toString()).isEqualTo(200);
                assertThat(served.body()).contains("Push " + push + " page 39");
            }
            SiteInvariants.assertConsistent(runtime, before, work);
        }
    }

    /** A forge retries a delivery that was not acknowledged; so does this, for as long as the broker is away. */
    private static void announceUntilAccepted(LocalRuntime runtime, RepositorySpec repo, String head) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            int status;
            try {
                status = runtime.announce(repo, head);
            } catch (java.io.IOException e) {
                status = -1;
            }
            if (status == 202) {
                return;
            }
            assertThat(status).as("only 'not recorded, retry' while the broker is away").isIn(-1, 503);
            assertThat(System.nanoTime()).as("push of " + head + " accepted within " + PATIENCE).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static void awaitCurrentCommit(LocalRuntime runtime, String commit) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String current = "";
        while (!commit.equals(current)) {
            assertThat(System.nanoTime()).as("release of " + commit + " within " + PATIENCE + " (live: " + current + ")")
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
            current = Releases.currentCommit(runtime);
        }
    }
}
