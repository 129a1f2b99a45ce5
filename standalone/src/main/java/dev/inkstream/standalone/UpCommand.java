package dev.inkstream.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code inkstream up}: run until Ctrl-C, publishing every push. */
final class UpCommand {

    private static final long POLL_SECONDS = 2;

    private final Path data;
    private final List<RepositorySpec> repos;
    private final int port;
    private final String title;

    UpCommand(Path data, List<RepositorySpec> repos, int port, String title) {
        this.data = data;
        this.repos = repos;
        this.port = port;
        this.title = title;
    }

    int run() throws Exception {
        System.out.println("inkstream: starting Kafka, the S3 store and the services (data in " + data.toAbsolutePath() + ")");
        LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(data, repos, port, port + 1, title));
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\ninkstream: stopping (each service finishes the work in hand)…");
            poller.shutdownNow();
            runtime.close();
            System.out.println("inkstream: stopped");
            stopped.countDown();
        }));
        runtime.announceAll();
        if (!repos.isEmpty()) {
            watch(runtime, poller);
        }
        printWelcome(runtime);
        stopped.await();
        return 0;
    }

    /**
     * Repositories given with --repo have no hook of ours; their branch heads are polled and every
     * move is announced to the webhook like a push.
     */
    private static void watch(LocalRuntime runtime, ScheduledExecutorService poller) {
        Map<String, String> seen = new HashMap<>();
        runtime.repositories().forEach(r -> seen.put(r.id(), r.head()));
        poller.scheduleWithFixedDelay(() -> {
            for (RepositorySpec repo : runtime.repositories()) {
                try {
                    String head = repo.head();
                    if (head != null && !head.equals(seen.get(repo.id()))) {
                        seen.put(repo.id(), head);
                        int status = runtime.announce(repo, head);
                        System.out.println("inkstream: " + repo.id() + " moved to " + head.substring(0, 12)
                                + "; webhook answered " + status);
                    }
                } catch (Exception e) {
                    System.err.println("inkstream: cannot check " + repo.url() + ": " + e.getMessage());
                }
            }
        }, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
    }

    private static void printWelcome(LocalRuntime runtime) {
        StringBuilder text = new StringBuilder("\nInkstream is up.\n\n");
        text.append("  Site (edge):   ").append(runtime.edgeUri()).append('\n');
        text.append("  Webhook:       ").append(runtime.webhookUri())
                .append("  (also /hooks/github, /hooks/gitlab, /hooks/gitea, /hooks/forgejo; secret in ")
                .append(runtime.dataDir().resolve("webhook-secret")).append(")\n");
        text.append("  Health:        http://127.0.0.1:").append(runtime.port("ingest")).append("/actuator/health (ingest), ")
                .append("http://127.0.0.1:").append(runtime.port("render")).append("/actuator/health (render), ")
                .append("http://127.0.0.1:").append(runtime.port("publish")).append("/actuator/health (publish)\n");
        text.append("  Kafka:         ").append(runtime.bootstrapServers()).append('\n');
        for (RepositorySpec repo : runtime.repositories()) {
            text.append("  Repository:    ").append(repo.id()).append(" (").append(repo.branch()).append(") ")
                    .append(repo.url()).append('\n');
        }
        RepositorySpec first = runtime.repositories().getFirst();
        if (first.id().equals(DemoRepository.ID)) {
            text.append("\nEdit the demo site and push; the change is live at the edge a moment later:\n\n");
            text.append("git clone ").append(first.url()).append(" inkstream-demo\n");
            text.append("\n  cd inkstream-demo && $EDITOR README.md && git commit -am 'My first edit' && git push\n");
        } else {
            text.append("\nCommits to the branch are noticed within ").append(POLL_SECONDS).append(" s and published.\n");
        }
        text.append("\nPress Ctrl-C to stop; 'up' again on the same --data resumes.\n");
        System.out.println(text);
    }
}
