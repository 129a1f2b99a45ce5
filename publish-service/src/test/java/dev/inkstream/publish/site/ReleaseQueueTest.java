package dev.inkstream.publish.site;

import static dev.inkstream.publish.Fixtures.added;
import static dev.inkstream.publish.Fixtures.changeSet;
import static dev.inkstream.publish.Fixtures.deleted;
import static dev.inkstream.publish.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseQueueTest {

    private final ReleaseQueue queue = new ReleaseQueue();
    private final Map<String, RenderedDocument> docs = new HashMap<>();

    @Test
    void waitsUntilEveryPathOfTheOldestChangeSetIsRendered() {
        ChangeSet c1 = changeSet("c1", added("a.md"), added("b.md"));
        queue.add(c1);

        docs.put("a.md", doc("a.md", "c1", "/a/", "A", null));
        assertThat(queue.newestReady(docs)).isEmpty();

        docs.put("b.md", doc("b.md", "c1", "/b/", "B", null));
        assertThat(queue.newestReady(docs)).contains(c1);
    }

    @Test
    void aDeletionIsReadyOnceTheTombstoneArrived() {
        docs.put("a.md", doc("a.md", "c1", "/a/", "A", null));
        ChangeSet c2 = changeSet("c2", deleted("a.md"));
        queue.add(c2);
        assertThat(queue.newestReady(docs)).isEmpty();

        docs.remove("a.md");
        assertThat(queue.newestReady(docs)).contains(c2);
    }

    @Test
    void aPathRenderedAgainByALaterChangeSetSatisfiesTheOlderOneAndReleasesCoalesce() {
        ChangeSet c1 = changeSet("c1", added("a.md"));
        ChangeSet c2 = changeSet("c2", added("a.md"), added("b.md"));
        queue.add(c1);
        queue.add(c2);
        docs.put("a.md", doc("a.md", "c2", "/a/", "A", null));
        assertThat(queue.newestReady(docs)).contains(c1);

        docs.put("b.md", doc("b.md", "c2", "/b/", "B", null));
        assertThat(queue.newestReady(docs)).contains(c2);

        queue.released(c2);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aDocumentStillAtAnOlderQueuedCommitDoesNotSatisfyANewerChangeSet() {
        ChangeSet c1 = changeSet("c1", added("a.md"));
        ChangeSet c2 = changeSet("c2", added("a.md"));
        queue.add(c1);
        queue.add(c2);
        docs.put("a.md", doc("a.md", "c1", "/a/", "A", null));

        assertThat(queue.newestReady(docs)).contains(c1);

        docs.put("a.md", doc("a.md", "c2", "/a/", "A, edited", null));
        assertThat(queue.newestReady(docs)).contains(c2);
    }

    @Test
    void aPageAddedThenDeletedDoesNotBlockTheQueueEvenWhenTheAdditionWasNeverSeen() {
        ChangeSet c1 = changeSet("c1", added("a.md"), added("b.md"));
        ChangeSet c2 = changeSet("c2", deleted("a.md"));
        queue.add(c1);
        queue.add(c2);
        // Replayed after both happened: a.md's tombstone came before publish ever saw it rendered.
        docs.put("b.md", doc("b.md", "c1", "/b/", "B", null));

        assertThat(queue.newestReady(docs)).contains(c2);
    }

    @Test
    void aChangeSetWaitsForItsOwnVersionNotAnOlderOne() {
        ChangeSet c1 = changeSet("c1", added("a.md"));
        queue.add(c1);
        docs.put("a.md", doc("a.md", "c0", "/a/", "A, older", null));

        assertThat(queue.newestReady(docs)).isEmpty();
    }

    @Test
    void assetsPassedThroughRenderAreWaitedForLikePagesAndRedeliveriesAreIgnored() {
        ChangeSet c1 = changeSet("c1", new ChangeSet.PathChange("logo.png", ChangeSet.ChangeType.ADDED, "b", DocumentKind.ASSET));
        queue.add(c1);
        queue.add(c1);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.newestReady(docs)).isEmpty();

        docs.put("logo.png", doc("logo.png", "c1", "/logo.png", "logo", null));
        assertThat(queue.newestReady(docs)).contains(c1);
    }
}
