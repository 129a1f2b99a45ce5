package dev.inkstream.ingest.git;

import dev.inkstream.events.CommitInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * For many paths at once, the commit that last changed each: one walk of the history from the
 * head, instead of one {@code git log -1 -- path} per file, which is what makes a full import of
 * a large repository affordable.
 */
public final class LastChanges {

    public static Map<String, CommitInfo> of(Repository repository, ObjectId head, Collection<String> paths)
            throws IOException {
        Map<String, CommitInfo> found = new HashMap<>();
        Set<String> remaining = new HashSet<>(paths);
        if (remaining.isEmpty()) {
            return found;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                if (remaining.isEmpty()) {
                    break;
                }
                for (String path : changedIn(repository, walk, commit, remaining)) {
                    found.put(path, info(commit));
                    remaining.remove(path);
                }
            }
        }
        return found;
    }

    public static CommitInfo info(RevCommit commit) {
        var author = commit.getAuthorIdent();
        return new CommitInfo(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                author.getName() + " <" + author.getEmailAddress() + ">", commit.getShortMessage());
    }

    /** Paths among {@code wanted} that differ between {@code commit} and its first parent. */
    private static Set<String> changedIn(Repository repository, RevWalk walk, RevCommit commit, Set<String> wanted)
            throws IOException {
        Set<String> changed = new HashSet<>();
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.setRecursive(true);
            if (commit.getParentCount() > 0) {
                tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            } else {
                tree.addTree(new EmptyTreeIterator());
            }
            tree.addTree(commit.getTree());
            tree.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(wanted), TreeFilter.ANY_DIFF));
            while (tree.next()) {
                changed.add(tree.getPathString());
            }
        }
        return changed;
    }

    private LastChanges() {}
}
