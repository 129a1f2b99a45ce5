package dev.inkstream.standalone;

import static org.awaitility.Awaitility.await;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseStore;
import java.time.Duration;
import java.util.List;

/** What a runtime has released: the live commit of its first site, and every ReleasePublished. */
final class Releases {

    /** The commit {@code current.json} names; empty before the first release. */
    static String currentCommit(LocalRuntime runtime) {
        return new ReleaseStore(runtime.s3(), LocalRuntime.BUCKET).live("", runtime.repositories().getFirst().id()).commit();
    }

    /** Waits (at most {@code patience}) until {@code current.json} names {@code commit}. */
    static void awaitLive(LocalRuntime runtime, String commit, Duration patience) {
        await("the release of " + commit).atMost(patience).pollInterval(Duration.ofMillis(100))
                .until(() -> commit.equals(currentCommit(runtime)));
    }

    static List<ReleasePublished> published(LocalRuntime runtime) {
        return TopicReader.committed(runtime.bootstrapServers(), Topics.RELEASES).stream()
                .map(r -> EventJson.read(r.value(), ReleasePublished.class)).toList();
    }

    private Releases() {}
}
