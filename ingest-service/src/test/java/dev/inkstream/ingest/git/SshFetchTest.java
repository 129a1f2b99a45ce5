package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.ingest.IngestSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching over SSH with a deploy key, from a real SSH server (Apache MINA sshd serving git's
 * upload-pack) that accepts only that key, with the server's host key pinned in known_hosts.
 */
class SshFetchTest {

    @TempDir Path work;
    private SshServer server;
    private RevCommit head;
    private Path deployKey;
    private Path knownHosts;
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        Path source = work.resolve("source");
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            WorkTree.write(git, "a.md", "# A");
            head = WorkTree.commit(git, "a");
        }
        Path bare = work.resolve("site.git");
        Git.cloneRepository().setURI(source.toString()).setDirectory(bare.toFile()).setBare(true).call().close();

        KeyPair deploy = rsa();
        deployKey = work.resolve("deploy_key");
        try (OutputStream out = Files.newOutputStream(deployKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(deploy, "deploy", null, out);
        }
        PublicKey accepted = deploy.getPublic();

        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(work.resolve("host_key"));
        hostKeys.setAlgorithm(KeyUtils.RSA_ALGORITHM);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(accepted, key));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(command, bare));
        server.start();

        PublicKey hostKey = hostKeys.loadKeys(null).iterator().next().getPublic();
        knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n",
                StandardCharsets.UTF_8);
        url = "ssh://git@127.0.0.1:" + server.getPort() + "/site.git";
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    @Test
    void fetchesWithTheDeployKeyFromAKnownHost() throws Exception {
        var config = new IngestSettings.Repository(url, "main", List.of("s"), null, "x-access-token", null, deployKey, knownHosts);

        try (Repository mirror = new GitMirrors(work.resolve("data")).fetch("site", config)) {
            assertThat(mirror.resolve("refs/heads/main")).isEqualTo(head);
        }
    }

    @Test
    void anUnknownHostOrAWrongKeyIsRefused() throws Exception {
        Path otherKey = work.resolve("other_key");
        try (OutputStream out = Files.newOutputStream(otherKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(rsa(), "other", null, out);
        }
        Path emptyKnownHosts = Files.writeString(work.resolve("empty_known_hosts"), "");
        var unknownHost = new IngestSettings.Repository(url, "main", List.of("s"), null, "x-access-token", null,
                deployKey, emptyKnownHosts);
        var wrongKey = new IngestSettings.Repository(url, "main", List.of("s"), null, "x-access-token", null,
                otherKey, knownHosts);

        assertThatThrownBy(() -> new GitMirrors(work.resolve("d1")).fetch("site", unknownHost).close())
                .isInstanceOf(TransportException.class).hasMessageContaining("Server key did not validate");
        assertThatThrownBy(() -> new GitMirrors(work.resolve("d2")).fetch("site", wrongKey).close())
                .isInstanceOf(TransportException.class).hasMessageContaining("Cannot log in");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** git-upload-pack for the one repository this server has, as a forge's SSH endpoint runs it. */
    private static final class UploadPackCommand extends AbstractCommandSupport {
        private final Path bare;

        UploadPackCommand(String command, Path bare) {
            super(command, null);
            this.bare = bare;
        }

        @Override
        public void run() {
            try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build()) {
                if (!getCommand().startsWith("git-upload-pack")) {
                    onExit(1, "only git-upload-pack is served");
                    return;
                }
                new UploadPack(repository).upload(getInputStream(), getOutputStream(), getErrorStream());
                onExit(0);
            } catch (IOException e) {
                onExit(1, e.toString());
            }
        }
    }

}
