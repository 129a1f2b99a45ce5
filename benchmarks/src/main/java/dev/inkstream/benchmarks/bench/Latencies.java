package dev.inkstream.benchmarks.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Push-to-live latencies of one kind of edit, in milliseconds, with the order statistics the
 * report shows. Nearest-rank percentiles: with few samples an interpolated p95 would invent a
 * value nobody measured.
 */
public record Latencies(List<Long> millis) {

    public Latencies {
        millis = List.copyOf(millis);
    }

    public long p50() {
        return percentile(50);
    }

    public long p95() {
        return percentile(95);
    }

    public long max() {
        return millis.isEmpty() ? 0 : Collections.max(millis);
    }

    long percentile(int p) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
