package dev.inkstream.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/** Reads one topic's event type; a tombstone reads as {@code null}. */
public class EventDeserializer<T extends InkstreamEvent> implements Deserializer<T> {

    private final Class<T> type;

    public EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public @Nullable T deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(data, type);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "cannot read " + type.getSimpleName() + " from " + topic + ": " + e.getOriginalMessage(), e);
        }
    }
}
