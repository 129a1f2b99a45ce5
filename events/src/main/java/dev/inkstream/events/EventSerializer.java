package dev.inkstream.events;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes any {@link InkstreamEvent} as JSON and stamps the CloudEvents headers. A {@code null}
 * value stays {@code null}: that is a tombstone on a compacted topic. Raw bytes pass through
 * untouched: that is how a record that could not be read reaches its dead-letter topic, inside
 * the same transaction as the rest of the batch.
 */
public class EventSerializer implements Serializer<Object> {

    /** Producer config key naming the {@code ce_source} of this producer, e.g. {@code /inkstream/ingest}. */
    public static final String SOURCE_CONFIG = "inkstream.cloudevents.source";
    private static final String SOURCE_DEFAULT = "/inkstream";

    private String source = SOURCE_DEFAULT;

    public EventSerializer() {}

    public EventSerializer(String source) {
        this.source = source;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable Object data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable Headers headers, @Nullable Object data) {
        return switch (data) {
            case null -> null;
            case byte[] raw -> raw;
            case InkstreamEvent event -> {
                if (headers != null) {
                    CloudEventHeaders.addTo(headers, event, source);
                }
                yield EventJson.write(event);
            }
            default -> throw new IllegalArgumentException("not an Inkstream event: " + data.getClass().getName());
        };
    }
}
