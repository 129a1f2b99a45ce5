package dev.inkstream.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * {@code ce_*} headers and the record value is the event data (JSON).
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context, so one push is one trace across the services. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1 = "1.0";
    public static final String JSON = "application/json";

    /** Adds the CloudEvents attributes for {@code event} unless the record already carries them. */
    public static void addTo(Headers headers, InkstreamEvent event, String source) {
        setIfAbsent(headers, SPEC_VERSION, SPEC_VERSION_1);
        setIfAbsent(headers, ID, UUID.randomUUID().toString());
        setIfAbsent(headers, SOURCE, source);
        setIfAbsent(headers, TYPE, EventType.of(event).ceType());
        setIfAbsent(headers, TIME, Instant.now().toString());
        setIfAbsent(headers, CONTENT_TYPE, JSON);
    }

    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void setIfAbsent(Headers headers, String name, String value) {
        if (headers.lastHeader(name) == null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private CloudEventHeaders() {}
}
