package dev.inkstream.render.translation;

import dev.inkstream.events.EventJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The topology's state and repartition values, in the events' one JSON mapping. */
final class JsonSerde {

    static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : EventJson.write(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private JsonSerde() {}
}
