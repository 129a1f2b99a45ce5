package dev.inkstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant T = Instant.parse("2026-03-25T20:44:17Z");
    private static final CommitInfo COMMIT = new CommitInfo("c0ffee", T, "Ada <ada@example.org>", "Add post");

    static Stream<InkstreamEvent> events() {
        return Stream.of(
                new PushReceived("github", "d-1", "blog", "refs/heads/main", "0".repeat(40), "a".repeat(40), T),
                new SourceDocument(SourceDocument.SCHEMA_VERSION, "blog", "abc", "posts/hello.md", "b1",
                        DocumentKind.MARKDOWN, "# Hello\n\n你好", null, COMMIT,
                        List.of(Diagnostic.at(Diagnostic.Severity.WARNING, "mojibake", "looks double-encoded", 3, 1)),
                        List.of(COMMIT), "d-1"),
                new ChangeSet(ChangeSet.SCHEMA_VERSION, "blog", "refs/heads/main", null, "abc", "d-1",
                        List.of(new ChangeSet.PathChange("a.md", ChangeSet.ChangeType.ADDED, "b1", DocumentKind.MARKDOWN),
                                new ChangeSet.PathChange("logo.png", ChangeSet.ChangeType.DELETED, "b2", DocumentKind.ASSET))),
                new RenderedDocument(RenderedDocument.SCHEMA_VERSION, "blog", "abc", "a.md", DocumentKind.MARKDOWN,
                        "/a/", "Hello", "<h1>Hello</h1>", T, T, "en", "hello", List.of("k8s", "go"), "Hi",
                        List.of(new RenderedDocument.TocEntry(1, "hello", "Hello")), List.of("b.md"), "h1", false,
                        Map.of("author", "Ada"), List.of()),
                new TranslationGroup(TranslationGroup.SCHEMA_VERSION, "blog", "hello",
                        Map.of("en", "a.md", "zh", "a_zh.md"), Map.of("zh", "current"), List.of()),
                new ReleasePublished(ReleasePublished.SCHEMA_VERSION, "blog", "abc", "r-1", 2, 3, 4, 1, 0, T,
                        Map.of("upload", 12L)),
                new ReleasePublished(ReleasePublished.SCHEMA_VERSION, "blog", "abc", "abc", 2, 0, 4, 0, 0, T,
                        Map.of(), ReleasePublished.Outcome.HELD, "would delete 9 of 10 live objects"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventRoundTripsThroughTheKafkaSerde(InkstreamEvent event) {
        var headers = new RecordHeaders();
        byte[] bytes = new EventSerializer("/test").serialize("t", headers, event);

        @SuppressWarnings({"unchecked", "rawtypes"})
        var back = new EventDeserializer(event.getClass()).deserialize("t", bytes);

        assertThat(back).isEqualTo(event);
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.TYPE)).contains(EventType.of(event).ceType());
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.SOURCE)).contains("/test");
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.SPEC_VERSION)).contains("1.0");
        assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.ID)).isPresent();
    }

    @Test
    void wireFormatUsesLogicalNamesAndIsoDatesNeverJavaClassNames() {
        String json = EventJson.writeString(
                new PushReceived("github", "d-1", "blog", "refs/heads/main", "b", "a", T));

        assertThat(json).contains("\"schemaVersion\":1", "\"receivedAt\":\"2026-03-25T20:44:17Z\"")
                .doesNotContain("dev.inkstream");
    }

    @Test
    void readersIgnoreFieldsAddedByNewerWriters() {
        String newer = """
                {"schemaVersion":2,"provider":"gitlab","deliveryId":"x","repo":"blog","ref":"refs/heads/main",
                 "before":"b","after":"a","receivedAt":"2026-03-25T20:44:17Z","pusher":"someone"}""";

        PushReceived push = EventJson.read(newer, PushReceived.class);

        assertThat(push.schemaVersion()).isEqualTo(2);
        assertThat(push.provider()).isEqualTo("gitlab");
    }

    @Test
    void tombstonesStayNull() {
        assertThat(new EventSerializer().serialize("t", new RecordHeaders(), null)).isNull();
        assertThat(new EventDeserializer<>(SourceDocument.class).deserialize("t", null)).isNull();
    }

    @Test
    void rawBytesPassThroughUnchangedForDeadLetters() {
        byte[] raw = "{not json".getBytes(StandardCharsets.UTF_8);
        var headers = new RecordHeaders();

        assertThat(new EventSerializer().serialize("t.dlt", headers, raw)).isSameAs(raw);
        assertThat(headers.toArray()).isEmpty();
    }

    @Test
    void malformedValueNamesTheTopicAndType() {
        var deserializer = new EventDeserializer<>(ChangeSet.class);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize("inkstream.changes.v1", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ChangeSet")
                .hasMessageContaining("inkstream.changes.v1");
    }

    @Test
    void aReleaseFromAWriterThatKnewNoOutcomesWasPublished() {
        String older = """
                {"schemaVersion":1,"repo":"blog","commit":"abc","releaseId":"abc","documents":1,"objectsWritten":1,
                 "objectsUnchanged":0,"objectsDeleted":0,"diagnostics":0,"publishedAt":"2026-01-01T00:00:00Z"}""";

        ReleasePublished release = EventJson.read(older, ReleasePublished.class);

        assertThat(release.outcome()).isEqualTo(ReleasePublished.Outcome.PUBLISHED);
        assertThat(release.note()).isNull();
        assertThat(EventJson.writeString(release)).contains("\"outcome\":\"PUBLISHED\"");
    }

    @Test
    void aSourceDocumentFromAWriterThatKnewNoDeliveryHasNone() {
        String older = """
                {"schemaVersion":1,"repo":"blog","commit":"abc","path":"a.md","blobId":"b1","kind":"MARKDOWN",
                 "text":"# A","diagnostics":[],"history":[]}""";

        assertThat(EventJson.read(older, SourceDocument.class).deliveryId()).isNull();
    }
}
