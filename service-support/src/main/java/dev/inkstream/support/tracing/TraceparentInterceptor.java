package dev.inkstream.support.tracing;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Adds the sending thread's trace to every record a Kafka template sends, so adapters send as
 * before and their records still carry the push's trace. The template calls it on the sending
 * thread, where the step's span is current.
 */
public final class TraceparentInterceptor<K, V> implements ProducerInterceptor<K, V> {

    private final RecordTracing tracing;

    public TraceparentInterceptor(RecordTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
        tracing.inject(record.headers());
        return record;
    }

    @Override
    public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
