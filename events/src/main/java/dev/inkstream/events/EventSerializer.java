package dev.inkstream.events;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes any {@link InkstreamEvent} as JSON and stamps the CloudEvents headers. A {@code null}
 * value stays {@code null}: that is a tombstone on a compacted topic.
 */
public class EventSerializer implements Serializer<InkstreamEvent> {

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
    public byte @Nullable [] serialize(String topic, @Nullable InkstreamEvent data) {
        return data == null ? null : EventJson.write(data);
    }

    @Override
    public byte @Nullable [] serialize(String topic, Headers headers, @Nullable InkstreamEvent data) {
        if (data == null) {
            return null;
        }
        CloudEventHeaders.addTo(headers, data, source);
        return EventJson.write(data);
    }
}
