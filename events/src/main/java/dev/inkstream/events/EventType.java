package dev.inkstream.events;

import java.util.Arrays;

/**
 * Logical event type names, carried in the {@code ce_type} header. Never a Java class name, so
 * consumers in other languages or after a refactoring read the same contract.
 */
public enum EventType {
    PUSH_RECEIVED("dev.inkstream.push.received.v1", PushReceived.class),
    SOURCE_DOCUMENT("dev.inkstream.source.document.v1", SourceDocument.class),
    CHANGE_SET("dev.inkstream.changes.changeset.v1", ChangeSet.class),
    RENDERED_DOCUMENT("dev.inkstream.rendered.document.v1", RenderedDocument.class),
    TRANSLATION_GROUP("dev.inkstream.translations.group.v1", TranslationGroup.class),
    RELEASE_PUBLISHED("dev.inkstream.releases.published.v1", ReleasePublished.class);

    private final String ceType;
    private final Class<? extends InkstreamEvent> valueType;

    EventType(String ceType, Class<? extends InkstreamEvent> valueType) {
        this.ceType = ceType;
        this.valueType = valueType;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends InkstreamEvent> valueType() {
        return valueType;
    }

    public static EventType of(InkstreamEvent event) {
        return Arrays.stream(values()).filter(t -> t.valueType.isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass()));
    }
}
