package dev.inkstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void documentKeysRoundTripEvenWithColonsInThePath() {
        String key = Topics.documentKey("blog", "notes/time: 10:30.md");

        assertThat(Topics.DocumentKey.parse(key)).isEqualTo(new Topics.DocumentKey("blog", "notes/time: 10:30.md"));
    }

    @Test
    void aKeyWithoutARepositoryIsRefused() {
        assertThatThrownBy(() -> Topics.DocumentKey.parse("no-colon")).hasMessageContaining("not a repo:path key");
        assertThatThrownBy(() -> Topics.DocumentKey.parse(":path.md")).hasMessageContaining("not a repo:path key");
    }

    @Test
    void everyTopicHasASpecAndTheDocumentTopicsAreCompacted() {
        assertThat(Topics.spec(Topics.SOURCE).compacted()).isTrue();
        assertThat(Topics.spec(Topics.RENDERED).compacted()).isTrue();
        assertThat(Topics.spec(Topics.PUSH).compacted()).isFalse();
        assertThatThrownBy(() -> Topics.spec("inkstream.nope.v1")).hasMessageContaining("unknown topic");
    }
}
