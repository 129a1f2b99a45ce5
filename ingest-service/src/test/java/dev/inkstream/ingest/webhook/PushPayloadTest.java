package dev.inkstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushPayloadTest {

    @Test
    void readsTheFieldsIngestUsesAndIgnoresCloneUrls() {
        var payload = PushPayload.parse(bytes("""
                {"ref":"refs/heads/main","before":"b","after":"a",
                 "repository":{"full_name":"ada/blog","name":"blog","clone_url":"http://169.254.169.254/"}}"""));

        assertThat(payload).isEqualTo(new PushPayload("ada/blog", "blog", "refs/heads/main", "b", "a"));
    }

    @Test
    void aBranchDeletionIsRecognised() {
        var payload = PushPayload.parse(bytes("""
                {"ref":"refs/heads/main","before":"b","after":"0000000000000000000000000000000000000000",
                 "repository":{"name":"blog"}}"""));

        assertThat(payload.deletesBranch()).isTrue();
        assertThat(payload.repositoryFullName()).isEqualTo("blog");
    }

    @Test
    void nonJsonAndMissingRefAreClearErrors() {
        assertThatThrownBy(() -> PushPayload.parse(bytes("ref=main")))
                .isInstanceOf(PushPayload.InvalidPayloadException.class).hasMessageStartingWith("payload is not JSON");
        assertThatThrownBy(() -> PushPayload.parse(bytes("{\"repository\":{\"name\":\"blog\"}}")).requirePush())
                .isInstanceOf(PushPayload.InvalidPayloadException.class).hasMessage("payload has no 'ref'");
        assertThatThrownBy(() -> PushPayload.parse(bytes(
                "{\"ref\":\"refs/heads/main\",\"after\":\"nothex\",\"repository\":{\"name\":\"blog\"}}")).requirePush())
                .isInstanceOf(PushPayload.InvalidPayloadException.class)
                .hasMessage("payload's 'after' is not a commit id: 'nothex'");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
