package dev.inkstream.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * A content repository the local runtime publishes: an id (also its webhook name), where to
 * fetch it from, and its branch.
 */
public record RepositorySpec(String id, String url, String branch) {

    /**
     * A repository given on the command line as a path or URL; the branch is {@code branch} when
     * given, else the repository's default branch (its {@code HEAD}), else {@code main}.
     */
    public static RepositorySpec of(String pathOrUrl, @Nullable String branch) {
        String url = pathOrUrl.contains("://") ? pathOrUrl : Path.of(pathOrUrl).toAbsolutePath().normalize().toString();
        if (!pathOrUrl.contains("://") && !Files.isDirectory(Path.of(url))) {
            throw new IllegalArgumentException("--repo " + pathOrUrl + ": no such directory");
        }
        String name = url.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        return new RepositorySpec(id.isEmpty() ? "site" : id, url, branch != null ? branch : defaultBranch(url));
    }

    /** The branch the repository's HEAD points at, as {@code git clone} would check out. */
    static String defaultBranch(String url) {
        try {
            // Not restricted to heads: HEAD itself says which branch a clone would check out.
            Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(url).callAsMap();
            Ref head = refs.get(Constants.HEAD);
            if (head != null && head.isSymbolic()) {
                return Repository.shortenRefName(head.getTarget().getName());
            }
            if (refs.containsKey("refs/heads/main") || refs.isEmpty()) {
                return "main";
            }
            return refs.keySet().stream().filter(r -> r.startsWith("refs/heads/")).findFirst()
                    .map(Repository::shortenRefName).orElse("main");
        } catch (GitAPIException e) {
            throw new IllegalArgumentException("--repo " + url + ": not a git repository we can read (" + e.getMessage() + ")", e);
        }
    }

    /** The commit the branch points at now, or {@code null} when the branch does not exist yet. */
    public @Nullable String head() {
        try {
            Ref ref = Git.lsRemoteRepository().setRemote(url).setHeads(true).callAsMap().get("refs/heads/" + branch);
            return ref == null ? null : ref.getObjectId().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
