package dev.inkstream.ingest.git;

import dev.inkstream.events.CommitInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * For many paths at once, the commits that changed each, newest first: one walk of the history
 * from the head, instead of one {@code git log -- path} per file, which is what makes a full
 * import of a large repository affordable. Bounded twice: so many commits per file, and so many
 * commits walked in all.
 */
public final class LastChanges {

    /** Commits kept per file: enough to count what a translation missed, small enough for an event. */
    public static final int COMMITS_PER_FILE = 20;
    /** History walked at most: an old repository's deep past does not slow every import down. */
    public static final int MAX_COMMITS_WALKED = 5_000;

    /**
     * Above this many paths still wanted, a commit's changes are walked whole and looked up in a
     * set: building a path filter of a full import's 27,000 paths cost a second per commit, while
     * walking a commit's differences touches only the subtrees that changed.
     */
    private static final int PATH_FILTER_LIMIT = 256;

    public static Map<String, List<CommitInfo>> of(Repository repository, ObjectId head, Collection<String> paths)
            throws IOException {
        Map<String, List<CommitInfo>> found = new HashMap<>();
        Set<String> remaining = new HashSet<>(paths);
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.markStart(walk.parseCommit(head));
            int walked = 0;
            TreeFilter filter = null;
            for (RevCommit commit : walk) {
                if (remaining.isEmpty() || walked++ >= MAX_COMMITS_WALKED) {
                    break;
                }
                if (filter == null) {
                    // Made again only when a path has all its commits: the same for most of the walk.
                    filter = remaining.size() > PATH_FILTER_LIMIT ? TreeFilter.ANY_DIFF
                            : AndTreeFilter.create(PathFilterGroup.createFromStrings(remaining), TreeFilter.ANY_DIFF);
                }
                for (String path : changedIn(reader, walk, commit, filter, remaining)) {
                    List<CommitInfo> history = found.computeIfAbsent(path, p -> new ArrayList<>());
                    history.add(info(commit));
                    if (history.size() >= COMMITS_PER_FILE) {
                        remaining.remove(path);
                        filter = null;
                    }
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
    private static List<String> changedIn(ObjectReader reader, RevWalk walk, RevCommit commit, TreeFilter filter,
                                          Set<String> wanted) throws IOException {
        List<String> changed = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.setRecursive(true);
            if (commit.getParentCount() > 0) {
                tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            } else {
                tree.addTree(new EmptyTreeIterator());
            }
            tree.addTree(commit.getTree());
            tree.setFilter(filter.clone());
            while (tree.next()) {
                String path = tree.getPathString();
                if (wanted.contains(path)) {
                    changed.add(path);
                }
            }
        }
        return changed;
    }

    private LastChanges() {}
}
