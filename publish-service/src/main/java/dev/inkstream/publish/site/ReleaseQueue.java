package dev.inkstream.publish.site;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.ChangeSet.ChangeType;
import dev.inkstream.events.ChangeSet.PathChange;
import dev.inkstream.events.RenderedDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * One repository's change sets waiting to be released, oldest first. A change set is ready when
 * every rendered path in it has reached its version, that of this change set or of a later
 * queued one that touched the path again.
 */
public final class ReleaseQueue {

    private final Deque<ChangeSet> waiting = new ArrayDeque<>();

    /** Queues a change set; a redelivered one (same {@code after}) is ignored. */
    public void add(ChangeSet changeSet) {
        if (waiting.stream().noneMatch(c -> c.after().equals(changeSet.after()))) {
            waiting.addLast(changeSet);
        }
    }

    public boolean isEmpty() {
        return waiting.isEmpty();
    }

    public int size() {
        return waiting.size();
    }

    /**
     * The newest change set such that it and every older one are ready: the release to publish.
     * Empty when the oldest is still waiting for a rendered document. Nothing is removed until
     * {@link #released} says the release went live.
     */
    public Optional<ChangeSet> newestReady(Map<String, RenderedDocument> documents) {
        ChangeSet newest = null;
        for (ChangeSet changeSet : waiting) {
            if (!isReady(changeSet, documents)) {
                break;
            }
            newest = changeSet;
        }
        return Optional.ofNullable(newest);
    }

    /** Removes {@code changeSet} and every older one: they are live. */
    public void released(ChangeSet changeSet) {
        if (waiting.stream().noneMatch(c -> c.after().equals(changeSet.after()))) {
            return;
        }
        ChangeSet removed;
        do {
            removed = waiting.removeFirst();
        } while (!removed.after().equals(changeSet.after()));
    }

    /**
     * Each path of the change set (pages and assets alike: render passes assets through) has reached its version: the document at this change
     * set's commit, or gone for a deletion. A path that a later queued change set touches again is
     * that change set's to wait for, since its version here may never be seen (added, then
     * deleted before publish caught up, or replayed after both).
     */
    private boolean isReady(ChangeSet changeSet, Map<String, RenderedDocument> documents) {
        for (PathChange change : changeSet.changes()) {
            if (touchedLater(changeSet, change.path())) {
                continue;
            }
            RenderedDocument current = documents.get(change.path());
            boolean reached = change.type() == ChangeType.DELETED
                    ? current == null
                    : current != null && current.commit().equals(changeSet.after());
            if (!reached) {
                return false;
            }
        }
        return true;
    }

    private boolean touchedLater(ChangeSet changeSet, String path) {
        boolean later = false;
        for (ChangeSet queued : waiting) {
            if (later && queued.changes().stream().anyMatch(c -> c.path().equals(path))) {
                return true;
            }
            later |= queued == changeSet;
        }
        return false;
    }
}
