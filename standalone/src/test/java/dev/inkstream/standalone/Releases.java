package dev.inkstream.standalone;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What a runtime has released: the live commit of its first site, and every ReleasePublished. */
final class Releases {

    /** The commit {@code current.json} names; empty before the first release. */
    static String currentCommit(LocalRuntime runtime) {
        return new ReleaseStore(runtime.s3(), LocalRuntime.BUCKET).live("", runtime.repositories().getFirst().id()).commit();
    }

    /** Waits (at most {@code patience}) until {@code current.json} names {@code commit}. */
    static void awaitLive(LocalRuntime runtime, String commit, Duration patience) {
        org.awaitility.Awaitility.await("the release of " + commit).atMost(patience).pollInterval(Duration.ofMillis(100))
                .until(() -> commit.equals(currentCommit(runtime)));
    }

    static List<ReleasePublished> published(LocalRuntime runtime) {
        return TopicReader.committed(runtime.bootstrapServers(), Topics.RELEASES).stream()
                .map(r -> EventJson.read(r.value(), ReleasePublished.class)).toList();
    }

    /** The ReleasePublished of {@code commit}, waiting up to a minute for it to be committed to the topic. */
    static ReleasePublished await(LocalRuntime runtime, String commit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ReleasePublished> found = published(runtime).stream().filter(r -> r.commit().equals(commit)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("no release of " + commit);
    }

    private Releases() {}
}
