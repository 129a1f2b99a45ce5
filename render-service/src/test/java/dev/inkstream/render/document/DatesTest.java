package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void everyFormIsReadWhateverTheCaseOfItsSeparator() {
        assertThat(Dates.parse("2025-03-25T20:44:17+08:00")).contains(Instant.parse("2025-03-25T12:44:17Z"));
        assertThat(Dates.parse("2025-03-25t20:44:17z")).contains(Instant.parse("2025-03-25T20:44:17Z"));
        assertThat(Dates.parse("2025-03-25t20:44")).contains(Instant.parse("2025-03-25T20:44:00Z"));
        assertThat(Dates.parse(" 2025-03-25 20:44:17 ")).contains(Instant.parse("2025-03-25T20:44:17Z"));
        assertThat(Dates.parse("2025-03-25")).contains(Instant.parse("2025-03-25T00:00:00Z"));
    }

    @Test
    void whatIsNoDateIsEmpty() {
        assertThat(Dates.parse("Tuesday")).isEmpty();
        assertThat(Dates.parse("2025-03-25 at noon")).isEmpty();
        assertThat(Dates.parse("2025-13-45")).isEmpty();
    }
}
