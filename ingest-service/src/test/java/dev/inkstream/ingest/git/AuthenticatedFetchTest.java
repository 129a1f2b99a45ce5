package dev.inkstream.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.ingest.IngestSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching over HTTP with a token, from a real smart-HTTP git server (JGit's GitServlet in
 * Tomcat) that demands Basic authentication, as GitHub and GitLab do for private repositories.
 * Plain HTTP on loopback: the credentials code path is the one https uses.
 */
class AuthenticatedFetchTest {

    private static final String TOKEN = "glpat-test-token";

    @TempDir Path work;
    private Tomcat tomcat;
    private RevCommit head;
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        Path source = work.resolve("source");
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            Files.writeString(source.resolve("a.md"), "# A");
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("a").setAuthor("A", "a@example.org").setSign(false).call();
        }
        Path bare = work.resolve("site.git");
        Git.cloneRepository().setURI(source.toString()).setDirectory(bare.toFile()).setBare(true).call().close();

        tomcat = new Tomcat();
        tomcat.setBaseDir(work.resolve("tomcat").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", work.toString());
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            try {
                return new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
            } catch (java.io.IOException e) {
                throw new org.eclipse.jgit.errors.RepositoryNotFoundException(name, e);
            }
        });
        Tomcat.addServlet(context, "git", servlet);
        context.addServletMappingDecoded("/*", "git");
        FilterDef auth = new FilterDef();
        auth.setFilterName("basic-auth");
        auth.setFilter((Filter) (request, response, chain) -> {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString(("oauth2:" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (expected.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
                chain.doFilter(request, response);
            } else {
                ((HttpServletResponse) response).setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                ((HttpServletResponse) response).sendError(401);
            }
        });
        context.addFilterDef(auth);
        FilterMap map = new FilterMap();
        map.setFilterName("basic-auth");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.getConnector();
        tomcat.start();
        url = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/site.git";
    }

    @AfterEach
    void stopServer() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void fetchesWithTheConfiguredToken() throws Exception {
        var config = new IngestSettings.Repository(url, "main", List.of("s"), null, "oauth2", TOKEN, null, null);

        try (Repository mirror = new GitMirrors(work.resolve("data")).fetch("site", config)) {
            assertThat(mirror.resolve("refs/heads/main")).isEqualTo(head);
        }
    }

    @Test
    void aMissingOrWrongTokenIsAClearFetchError() {
        var none = new IngestSettings.Repository(url, "main", List.of("s"), null);
        var wrong = new IngestSettings.Repository(url, "main", List.of("s"), null, "oauth2", "not-it", null, null);

        assertThatThrownBy(() -> new GitMirrors(work.resolve("d1")).fetch("site", none).close())
                .isInstanceOf(TransportException.class).hasMessageContaining("Authentication is required");
        assertThatThrownBy(() -> new GitMirrors(work.resolve("d2")).fetch("site", wrong).close())
                .isInstanceOf(TransportException.class).hasMessageContaining("not authorized");
    }
}
