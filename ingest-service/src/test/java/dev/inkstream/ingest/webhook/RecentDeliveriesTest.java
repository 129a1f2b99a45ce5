package dev.inkstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {

    private final RecentDeliveries deliveries = new RecentDeliveries(100);

    @Test
    void copiesArrivingTogetherAreRecordedOnce() throws Exception {
        AtomicInteger recorded = new AtomicInteger();
        CountDownLatch slowKafka = new CountDownLatch(1);
        List<Future<RecentDeliveries.Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> deliveries.recordOnce("github", "d-1", () -> {
                    recorded.incrementAndGet();
                    slowKafka.await();
                }, 10)));
            }
            Thread.sleep(50);
            slowKafka.countDown();
            List<RecentDeliveries.Outcome> results = new ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(recorded).hasValue(1);
            assertThat(results).containsOnlyOnce(RecentDeliveries.Outcome.RECORDED)
                    .filteredOn(o -> o == RecentDeliveries.Outcome.ALREADY_RECORDED).hasSize(7);
        }
    }

    @Test
    void aFailedRecordingIsForgottenSoTheForgesRetryIsRecorded() throws Exception {
        assertThatThrownBy(() -> deliveries.recordOnce("gitlab", "d-2", () -> {
            throw new IOException("broker down");
        }, 1)).hasMessage("broker down");

        assertThat(deliveries.recordOnce("gitlab", "d-2", () -> {}, 1)).isEqualTo(RecentDeliveries.Outcome.RECORDED);
        assertThat(deliveries.recordOnce("gitlab", "d-2", () -> {}, 1)).isEqualTo(RecentDeliveries.Outcome.ALREADY_RECORDED);
        assertThat(deliveries.recordOnce("gitea", "d-2", () -> {}, 1))
                .as("delivery ids are per forge").isEqualTo(RecentDeliveries.Outcome.RECORDED);
    }
}
