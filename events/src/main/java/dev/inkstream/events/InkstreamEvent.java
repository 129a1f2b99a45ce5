package dev.inkstream.events;

/** Common shape of every value on an Inkstream topic. */
public sealed interface InkstreamEvent
        permits PushReceived, SourceDocument, ChangeSet, RenderedDocument, TranslationGroup, ReleasePublished {

    /** Version of the value's schema; bumped only for additive changes readers may want to detect. */
    int schemaVersion();
}
