package dev.inkstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.PushReceived;
import dev.inkstream.ingest.IngestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class WebhookIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final IngestSettings SETTINGS = new IngestSettings(Path.of("data"), Map.of(
            "notes", new IngestSettings.Repository("/srv/notes.git", "main", List.of("old-secret", "gh-secret"), "ada/notes"),
            "handbook", new IngestSettings.Repository("/srv/handbook.git", "main", List.of("gl-token"), "docs-team/handbook"),
            "cv", new IngestSettings.Repository("/srv/cv.git", "main", List.of("gitea-secret"), "ling/cv"),
            "demo", new IngestSettings.Repository("/srv/demo.git", "main", List.of("plain-secret"), null)),
            DataSize.ofMegabytes(25), DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), 500);
    private final WebhookIntake intake = new WebhookIntake(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aGitHubPushIsAcceptedWithItsDeliveryId() throws IOException {
        byte[] body = fixture("github-push.json");

        var verdict = intake.judge(Forge.GITHUB, headers("X-GitHub-Event", "push", "X-GitHub-Delivery", "d-gh-1",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", body)), body);

        assertThat(verdict).isEqualTo(new WebhookIntake.Accepted(new PushReceived("github", "d-gh-1", "notes",
                "refs/heads/main", "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
                "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", NOW)));
    }

    @Test
    void aGitLabPushIsVerifiedByItsTokenAndNamedByPathWithNamespace() throws IOException {
        byte[] body = fixture("gitlab-push.json");

        var verdict = intake.judge(Forge.GITLAB, headers("X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Event-UUID", "uuid-1", "X-Gitlab-Token", "gl-token"), body);

        assertThat(verdict).isInstanceOfSatisfying(WebhookIntake.Accepted.class, a -> {
            assertThat(a.push().provider()).isEqualTo("gitlab");
            assertThat(a.push().repo()).isEqualTo("handbook");
            assertThat(a.push().deliveryId()).isEqualTo("uuid-1");
            assertThat(a.push().after()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        });
        assertThat(intake.judge(Forge.GITLAB, headers("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", "wrong"), body))
                .isEqualTo(new WebhookIntake.Refused(HttpStatus.UNAUTHORIZED, "invalid signature"));
    }

    @Test
    void giteaAndForgejoSignWithRawHexHmac() throws IOException {
        byte[] body = fixture("gitea-push.json");
        String hex = HexFormat.of().formatHex(WebhookSignatures.hmacSha256("gitea-secret", body));

        var gitea = intake.judge(Forge.GITEA, headers("X-Gitea-Event", "push", "X-Gitea-Delivery", "g-1",
                "X-Gitea-Signature", hex), body);
        var forgejo = intake.judge(Forge.FORGEJO, headers("X-Forgejo-Event", "push", "X-Forgejo-Delivery", "f-1",
                "X-Forgejo-Signature", hex), body);
        var prefixed = intake.judge(Forge.GITEA, headers("X-Gitea-Event", "push", "X-Gitea-Signature", "sha256=" + hex), body);

        assertThat(gitea).isInstanceOfSatisfying(WebhookIntake.Accepted.class, a -> assertThat(a.push().repo()).isEqualTo("cv"));
        assertThat(forgejo).isInstanceOfSatisfying(WebhookIntake.Accepted.class,
                a -> assertThat(a.push().provider()).isEqualTo("forgejo"));
        assertThat(prefixed.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void thePlainEndpointTakesTheRepositoryIdItself() {
        byte[] body = bytes("{\"repository\":\"demo\",\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40)
                + "\",\"after\":\"" + "a".repeat(40) + "\"}");

        var verdict = intake.judge(Forge.PLAIN, headers("X-Inkstream-Delivery", "p-1",
                "X-Inkstream-Signature", WebhookSignatures.signGitHub("plain-secret", body)), body);

        assertThat(verdict).isInstanceOfSatisfying(WebhookIntake.Accepted.class, a -> {
            assertThat(a.push().repo()).isEqualTo("demo");
            assertThat(a.push().provider()).isEqualTo("plain");
        });
    }

    @Test
    void refusalsSayWhy() throws IOException {
        byte[] body = fixture("github-push.json");
        byte[] unknown = bytes(new String(body, StandardCharsets.UTF_8).replace("ada/notes", "eve/notes")
                .replace("\"notes\"", "\"other\""));

        assertThat(intake.judge(Forge.GITHUB, headers("X-GitHub-Event", "push"), body))
                .isEqualTo(new WebhookIntake.Refused(HttpStatus.UNAUTHORIZED, "missing X-Hub-Signature-256"));
        assertThat(intake.judge(Forge.GITHUB, headers("X-Hub-Signature-256", WebhookSignatures.signGitHub("nope", body)), body))
                .isEqualTo(new WebhookIntake.Refused(HttpStatus.UNAUTHORIZED, "invalid signature"));
        assertThat(intake.judge(Forge.GITHUB, headers("X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", unknown)), unknown))
                .isEqualTo(new WebhookIntake.Refused(HttpStatus.NOT_FOUND, "repository 'eve/notes' is not configured"));
        assertThat(intake.judge(Forge.GITHUB, headers(), bytes("[1,2]")))
                .isEqualTo(new WebhookIntake.Refused(HttpStatus.BAD_REQUEST, "payload is not a JSON object"));
        assertThat(intake.judge(Forge.GITHUB, headers(), bytes("{\"ref\":\"refs/heads/main\",\"after\":\"" + "a".repeat(40) + "\"}")))
                .isEqualTo(new WebhookIntake.Refused(HttpStatus.BAD_REQUEST, "payload names no repository"));
    }

    @Test
    void tagsOtherBranchesDeletionsAndOtherEventsAreAcknowledgedAndIgnored() throws IOException {
        String json = new String(fixture("github-push.json"), StandardCharsets.UTF_8);

        assertThat(ignoredMessage(json.replace("refs/heads/main", "refs/tags/v1.0"), "push"))
                .isEqualTo("ignored: tag refs/tags/v1.0 is not published");
        assertThat(ignoredMessage(json.replace("refs/heads/main", "refs/heads/drafts"), "push"))
                .isEqualTo("ignored: only refs/heads/main is published");
        assertThat(ignoredMessage(json.replace("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", "0".repeat(40)), "push"))
                .isEqualTo("ignored: branch deletion");
        assertThat(ignoredMessage(json, "issues")).isEqualTo("ignored: issues events are not published");
        byte[] body = bytes(json);
        assertThat(intake.judge(Forge.GITHUB, headers("X-GitHub-Event", "ping",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", body)), body).status())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRealGitHubPingHasNoRefAndIsStillAnswered() {
        byte[] ping = bytes("""
                {"zen":"Design for failure.","hook_id":12345678,
                 "hook":{"type":"Repository","id":12345678,"events":["push"],"active":true},
                 "repository":{"id":35129377,"name":"notes","full_name":"ada/notes"}}""");

        var verdict = intake.judge(Forge.GITHUB, headers("X-GitHub-Event", "ping",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", ping)), ping);
        var issues = intake.judge(Forge.GITHUB, headers("X-GitHub-Event", "issues",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", ping)), ping);

        assertThat(verdict).isEqualTo(new WebhookIntake.Pong("pong"));
        assertThat(issues).isEqualTo(new WebhookIntake.Ignored("ignored: issues events are not published"));
    }

    @Test
    void aPushWhoseAfterIsNotACommitIdIsABadRequest() throws IOException {
        byte[] body = bytes(new String(fixture("github-push.json"), StandardCharsets.UTF_8)
                .replace("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", "nothex"));

        var verdict = intake.judge(Forge.GITHUB, headers("X-GitHub-Event", "push",
                "X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", body)), body);

        assertThat(verdict).isEqualTo(new WebhookIntake.Refused(HttpStatus.BAD_REQUEST,
                "payload's 'after' is not a commit id: 'nothex'"));
    }

    private String ignoredMessage(String json, String event) {
        byte[] body = bytes(json);
        var verdict = intake.judge(Forge.GITHUB, headers("X-GitHub-Event", event,
                "X-Hub-Signature-256", WebhookSignatures.signGitHub("gh-secret", body)), body);
        assertThat(verdict).isInstanceOf(WebhookIntake.Ignored.class);
        return verdict.message();
    }

    private static Forge.Headers headers(String... namesAndValues) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WebhookIntakeTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
