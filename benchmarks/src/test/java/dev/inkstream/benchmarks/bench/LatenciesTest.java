package dev.inkstream.benchmarks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesAreValuesThatWereMeasured() {
        Latencies latencies = new Latencies(List.of(900L, 100L, 300L, 200L, 400L, 500L, 600L, 700L, 800L, 1000L));

        assertThat(latencies.p50()).isEqualTo(500);
        assertThat(latencies.p95()).isEqualTo(1000);
        assertThat(latencies.max()).isEqualTo(1000);
        assertThat(latencies.percentile(10)).isEqualTo(100);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Latencies latencies = new Latencies(List.of(42L));

        assertThat(latencies.p50()).isEqualTo(42);
        assertThat(latencies.p95()).isEqualTo(42);
    }

    @Test
    void noSamplesReportZeroRatherThanFail() {
        assertThat(new Latencies(List.of()).p95()).isZero();
    }
}
