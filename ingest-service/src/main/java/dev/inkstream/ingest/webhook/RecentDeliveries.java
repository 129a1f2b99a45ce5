package dev.inkstream.ingest.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivery ids recently recorded, so a forge's redelivery is acknowledged without a second
 * record, even when the copies arrive at the same moment: the first copy records, the others
 * wait for its outcome. Bounded and per instance: a redelivery it misses is still harmless,
 * because the push consumer finds the commit already ingested.
 */
final class RecentDeliveries {

    /** Records a delivery; returns normally once it is durable. */
    @FunctionalInterface
    interface Recording {
        void run() throws Exception;
    }

    enum Outcome { RECORDED, ALREADY_RECORDED }

    private final int capacity;
    private final Map<String, CompletableFuture<Void>> deliveries;

    RecentDeliveries(int capacity) {
        this.capacity = capacity;
        this.deliveries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
                return size() > RecentDeliveries.this.capacity && eldest.getValue().isDone();
            }
        };
    }

    /**
     * Runs {@code recording} unless the same delivery was (or is being) recorded; a copy that
     * arrives while the first is in flight waits for it and fails the same way if it fails.
     */
    Outcome recordOnce(String forge, String deliveryId, Recording recording, long timeoutSeconds) throws Exception {
        String key = forge + ":" + deliveryId;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier;
        synchronized (deliveries) {
            earlier = deliveries.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            try {
                earlier.get(timeoutSeconds, TimeUnit.SECONDS);
                return Outcome.ALREADY_RECORDED;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                throw new TimeoutException("an earlier copy of delivery " + deliveryId + " is still being recorded");
            }
        }
        try {
            recording.run();
            mine.complete(null);
            return Outcome.RECORDED;
        } catch (Exception e) {
            synchronized (deliveries) {
                deliveries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
