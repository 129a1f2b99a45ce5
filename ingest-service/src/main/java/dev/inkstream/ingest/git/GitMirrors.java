package dev.inkstream.ingest.git;

import dev.inkstream.ingest.IngestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import java.util.List;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Bare mirrors of the configured repositories under the data dir, fetched incrementally. The
 * mirror also remembers, in a ref of its own, the last commit ingested for the branch: that is
 * what the next push is diffed against, whatever the push payload claims.
 */
public final class GitMirrors {

    private static final String INGESTED_REF_PREFIX = "refs/inkstream/ingested/";

    private final Path mirrorsDir;

    public GitMirrors(Path dataDir) {
        this.mirrorsDir = dataDir.resolve("mirrors");
    }

    /** Fetches the repository's branch into its mirror (cloning on first use) and opens it. */
    public Repository fetch(String repoId, IngestSettings.Repository config) throws IOException, GitAPIException {
        Path dir = mirrorDir(repoId);
        if (!Files.exists(dir.resolve("HEAD"))) {
            Files.createDirectories(dir);
            Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
        }
        Repository repository = open(repoId);
        try {
            var local = LocalFetch.localGitDir(config.url());
            if (local.isPresent() && LocalFetch.fetch(local.get(), repository, config.branchRef())) {
                return repository;
            }
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
        try (Git git = new Git(repository)) {
            var fetch = git.fetch();
            if (config.token() != null && !config.token().isBlank()) {
                fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(config.username(), config.token()));
            }
            if (config.sshKey() != null) {
                SshdSessionFactory ssh = sshSessionFactory(config);
                fetch.setTransportConfigCallback(transport -> {
                    if (transport instanceof SshTransport sshTransport) {
                        sshTransport.setSshSessionFactory(ssh);
                    }
                });
            }
            fetch.setRemote(config.url())
                    .setRefSpecs(new RefSpec("+" + config.branchRef() + ":" + config.branchRef()))
                    .setForceUpdate(true)
                    // JGit's object checker refuses trees with '..', '.git' or otherwise unsafe entries.
                    .setCheckFetchedObjects(true)
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            repository.close();
            throw e;
        }
        return repository;
    }

    /**
     * SSH with exactly the configured key and known_hosts, never the service user's own ~/.ssh:
     * what ingest may fetch, and from which servers, is configuration only.
     */
    private SshdSessionFactory sshSessionFactory(IngestSettings.Repository config) {
        Path sshHome = mirrorsDir.resolveSibling("ssh-home");
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(sshHome.toFile())
                .setSshDirectory(sshHome.resolve(".ssh").toFile())
                .setDefaultIdentities(dir -> List.of(config.sshKey()))
                .setDefaultKnownHostsFiles(dir -> config.knownHosts() == null ? List.of() : List.of(config.knownHosts()))
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    private Path mirrorDir(String repoId) {
        return mirrorsDir.resolve(repoId + ".git");
    }

    private Repository open(String repoId) throws IOException {
        return new FileRepositoryBuilder().setGitDir(mirrorDir(repoId).toFile()).setMustExist(true).build();
    }

    public static Optional<ObjectId> lastIngested(Repository repository, String branch) throws IOException {
        return Optional.ofNullable(repository.resolve(INGESTED_REF_PREFIX + branch));
    }

    /** Records {@code commit} as the last ingested one; called once its documents are committed to Kafka. */
    public void markIngested(String repoId, String branch, ObjectId commit) throws IOException {
        try (Repository repository = open(repoId)) {
            markIngested(repository, branch, commit);
        }
    }

    static void markIngested(Repository repository, String branch, ObjectId commit) throws IOException {
        RefUpdate update = repository.updateRef(INGESTED_REF_PREFIX + branch);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("could not record ingested commit " + commit.name() + ": " + result);
        }
    }
}
