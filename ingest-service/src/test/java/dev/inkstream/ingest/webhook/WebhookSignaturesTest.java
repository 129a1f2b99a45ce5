package dev.inkstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    // GitHub's documented test vector for X-Hub-Signature-256.
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final String GITHUB_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void acceptsGitHubsDocumentedTestVector() {
        assertThat(WebhookSignatures.verifyGitHub(List.of(GITHUB_SECRET), HELLO, GITHUB_SIGNATURE)).isTrue();
        assertThat(WebhookSignatures.signGitHub(GITHUB_SECRET, HELLO)).isEqualTo(GITHUB_SIGNATURE);
    }

    @Test
    void anyConfiguredSecretVerifiesSoSecretsCanBeRotated() {
        assertThat(WebhookSignatures.verifyGitHub(List.of("old", GITHUB_SECRET), HELLO, GITHUB_SIGNATURE)).isTrue();
    }

    @Test
    void refusesWrongSecretTamperedBodyMissingOrMalformedHeader() {
        assertThat(WebhookSignatures.verifyGitHub(List.of("other"), HELLO, GITHUB_SIGNATURE)).isFalse();
        assertThat(WebhookSignatures.verifyGitHub(List.of(GITHUB_SECRET),
                "Hello, World?".getBytes(StandardCharsets.UTF_8), GITHUB_SIGNATURE)).isFalse();
        assertThat(WebhookSignatures.verifyGitHub(List.of(GITHUB_SECRET), HELLO, null)).isFalse();
        assertThat(WebhookSignatures.verifyGitHub(List.of(GITHUB_SECRET), HELLO, "sha1=abc")).isFalse();
        assertThat(WebhookSignatures.verifyGitHub(List.of(GITHUB_SECRET), HELLO, "sha256=not-hex")).isFalse();
        assertThat(WebhookSignatures.verifyGitHub(List.of(), HELLO, GITHUB_SIGNATURE)).isFalse();
    }
}
