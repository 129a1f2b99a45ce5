package dev.inkstream.standalone;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.ReleasePublished;
import dev.inkstream.events.Topics;
import dev.inkstream.publish.deploy.ReleaseStore;
import java.util.List;

/** What a runtime has released: the live commit of its first site, and every ReleasePublished. */
final class Releases {

    /** The commit {@code current.json} names; empty before the first release. */
    static String currentCommit(LocalRuntime runtime) {
        return new ReleaseStore(runtime.s3(), LocalRuntime.BUCKET).live("", runtime.repositories().getFirst().id()).commit();
    }

    static List<ReleasePublished> published(LocalRuntime runtime) {
        return TopicReader.committed(runtime.bootstrapServers(), Topics.RELEASES).stream()
                .map(r -> EventJson.read(r.value(), ReleasePublished.class)).toList();
    }

    private Releases() {}
}
