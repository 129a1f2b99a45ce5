package dev.inkstream.render.translation;

import static dev.inkstream.render.translation.Documents.commit;
import static dev.inkstream.render.translation.Documents.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.Topics;
import dev.inkstream.events.TranslationGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationTopologyTest {

    @TempDir
    Path state;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> rendered;
    private TestOutputTopic<String, byte[]> translations;

    @BeforeEach
    void start() {
        start(TranslationTopology.build());
    }

    private void start(Topology topology) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "translations-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(topology, config);
        rendered = driver.createInputTopic(Topics.RENDERED, new StringSerializer(), new ByteArraySerializer());
        translations = driver.createOutputTopic(Topics.TRANSLATIONS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void put(Documents doc) {
        rendered.pipeInput(Topics.documentKey("blog", doc.path()), EventJson.write(doc.rendered()));
        quiet();
    }

    private void delete(String path) {
        rendered.pipeInput(Topics.documentKey("blog", path), null);
        quiet();
    }

    /** Long enough without changes for a repository's due re-check to run. */
    private void quiet() {
        driver.advanceWallClockTime(RepositoryChecks.QUIET.multipliedBy(2));
    }

    private List<TestRecord<String, byte[]>> emitted() {
        return translations.readRecordsToList();
    }

    private static TranslationGroup group(TestRecord<String, byte[]> record) {
        return EventJson.read(record.value(), TranslationGroup.class);
    }

    private static TranslationGroup last(List<TestRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).reduce((a, b) -> b).map(TranslationTopologyTest::group)
                .orElseThrow(() -> new AssertionError("nothing emitted for " + key + " in " + records.stream().map(TestRecord::key).toList()));
    }

    @Test
    void pairsAreEmittedPerGroupAndOnlyWhenTheirResultChanges() {
        put(page("posts/a.md").history(commit("c1", "2026-01-01T00:00:00Z", "A")));
        put(page("posts/a_zh.md").history(commit("c2", "2026-01-02T00:00:00Z", "A in Chinese")));

        TranslationGroup pair = last(emitted(), "blog:posts/a");
        assertThat(pair.membersByLanguage()).containsEntry("en", "posts/a.md").containsEntry("zh", "posts/a_zh.md");
        assertThat(pair.statusByLanguage()).containsEntry("zh", "ok");

        put(page("posts/a.md").history(commit("c1", "2026-01-01T00:00:00Z", "A")));
        assertThat(emitted()).as("the same document again changes nothing").isEmpty();

        put(page("posts/a.md").history(commit("c3", "2026-01-09T00:00:00Z", "New section"), commit("c1", "2026-01-01T00:00:00Z", "A")));
        List<TestRecord<String, byte[]>> afterEdit = emitted();
        assertThat(afterEdit).extracting(TestRecord::key).containsOnly("blog:posts/a");
        assertThat(last(afterEdit, "blog:posts/a").statusByLanguage()).containsEntry("zh", "stale");
    }

    @Test
    void aNewPageIsCheckedOnceTheRepositoryIsQuietAndATextEditAtOnce() {
        put(page("posts/a.md").history(commit("c1", "2026-01-01T00:00:00Z", "A")));
        put(page("posts/a_zh.md").history(commit("c2", "2026-01-02T00:00:00Z", "A in Chinese")));
        emitted();

        rendered.pipeInput(Topics.documentKey("blog", "posts/b.md"), EventJson.write(page("posts/b.md").rendered()));
        driver.advanceWallClockTime(RepositoryChecks.QUIET.dividedBy(4));
        assertThat(emitted()).as("a new page changes the repository's facts: re-checked when quiet").isEmpty();
        driver.advanceWallClockTime(RepositoryChecks.QUIET);
        assertThat(emitted()).extracting(TestRecord::key).contains("blog:posts/b");

        rendered.pipeInput(Topics.documentKey("blog", "posts/a.md"), EventJson.write(page("posts/a.md")
                .history(commit("c9", "2026-02-01T00:00:00Z", "Rewritten"), commit("c1", "2026-01-01T00:00:00Z", "A")).rendered()));
        List<TestRecord<String, byte[]>> afterEdit = emitted();
        assertThat(afterEdit).as("a text edit re-checks its own group, without waiting").extracting(TestRecord::key)
                .containsOnly("blog:posts/a");
        assertThat(last(afterEdit, "blog:posts/a").statusByLanguage()).containsEntry("zh", "stale");
    }

    @Test
    void aReCheckGoesOnOverSeveralPunctuationsAndMissesWhatChangedMeanwhile() {
        driver.close();
        start(TranslationTopology.build(Duration.ZERO)); // no time to spare: one group per punctuation
        for (String path : List.of("posts/a.md", "posts/b.md", "posts/c.md")) {
            rendered.pipeInput(Topics.documentKey("blog", path), EventJson.write(page(path).rendered()));
        }
        quiet();
        List<String> first = emitted().stream().map(TestRecord::key).toList();
        assertThat(first).as("the first slice of the re-check").hasSize(1);

        rendered.pipeInput(Topics.documentKey("blog", "posts/d.md"), EventJson.write(page("posts/d.md").rendered()));
        driver.advanceWallClockTime(RepositoryChecks.SLICE);
        driver.advanceWallClockTime(RepositoryChecks.SLICE);
        assertThat(emitted()).as("the rest of the re-check that was under way").extracting(TestRecord::key)
                .hasSize(2).doesNotContainAnyElementsOf(first).isSubsetOf("blog:posts/a", "blog:posts/b", "blog:posts/c");

        quiet();
        assertThat(emitted()).as("the page added during the re-check, in the next one").extracting(TestRecord::key)
                .containsExactly("blog:posts/d");
        quiet();
        assertThat(emitted()).as("nothing is due any more").isEmpty();
    }

    @Test
    void changesArrivingInBurstsAreReCheckedOnceTheyPauseForLongerThanBetweenBursts() {
        put(page("posts/a.md"));
        emitted();

        // A first import arrives in render's transactions, a burst each, with pauses between.
        Duration pause = RepositoryChecks.QUIET.multipliedBy(3).dividedBy(4);
        rendered.pipeInput(Topics.documentKey("blog", "posts/b.md"), EventJson.write(page("posts/b.md").rendered()));
        driver.advanceWallClockTime(pause);
        rendered.pipeInput(Topics.documentKey("blog", "posts/c.md"), EventJson.write(page("posts/c.md").rendered()));
        driver.advanceWallClockTime(RepositoryChecks.QUIET.multipliedBy(5).dividedBy(4));
        assertThat(emitted()).as("quiet for longer than QUIET, but not twice the pause between the bursts").isEmpty();

        driver.advanceWallClockTime(RepositoryChecks.QUIET);
        assertThat(emitted()).extracting(TestRecord::key).contains("blog:posts/b", "blog:posts/c");
    }

    @Test
    void aRenamedSourceRetractsItsGroupAndRePairs() {
        put(page("posts/a.md"));
        put(page("posts/a_zh.md"));
        emitted();

        delete("posts/a.md");
        put(page("posts/b.md"));
        delete("posts/a_zh.md");
        put(page("posts/b_zh.md"));

        List<TestRecord<String, byte[]>> records = emitted();
        assertThat(records).filteredOn(r -> r.key().equals("blog:posts/a")).last()
                .satisfies(r -> assertThat(r.value()).as("tombstone for the emptied group").isNull());
        TranslationGroup repaired = last(records, "blog:posts/b");
        assertThat(repaired.membersByLanguage()).containsEntry("en", "posts/b.md").containsEntry("zh", "posts/b_zh.md");
        assertThat(repaired.findings()).isEmpty();
    }

    @Test
    void aNewSourceCloseToATranslationOnlyNameReportsTheNearMiss() {
        put(page("2026-01-09/gpu-sharing.md"));
        put(page("2026-01-05/kubelet-memory-pressure_zh.md"));
        assertThat(last(emitted(), "blog:2026-01-05/kubelet-memory-pressure").statusByLanguage()).containsEntry("zh", "only");

        put(page("2026-01-05/kubelet-and-memory-pressure.md"));

        TranslationGroup translationOnly = last(emitted(), "blog:2026-01-05/kubelet-memory-pressure");
        assertThat(translationOnly.findings()).extracting(f -> f.code()).contains("near-miss-pair");
    }

    @Test
    void theHeadersSayWhatTheRecordIs() {
        put(page("a.md"));
        TestRecord<String, byte[]> record = emitted().getLast();
        assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo("dev.inkstream.translations.group.v1");
    }
}
