package dev.inkstream.render.translation;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventDeserializer;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.EventSerializer;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.Topics;
import dev.inkstream.events.TranslationGroup;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The translation checks as a Kafka Streams topology: {@code rendered.v1} → each document's
 * member (a page or the site config, without HTML), repartitioned by repository →
 * {@link RepositoryChecks} → groups keyed {@code repo:translationKey} on {@code translations.v1}.
 *
 * <p>A group's checks need two scopes: its members, and facts about the whole repository (the
 * default language, the convention, near misses). Both live in one processor per repository,
 * so an edit of a page's text costs the check of its own group, whatever the size of the site;
 * only a change of the repository-wide facts re-checks the repository, debounced. (Before, the
 * repository's index was one aggregate value of every page, serialised twice per document, and
 * joined to every group by foreign key with the whole view in each response: a first import of
 * a large site was quadratic, and each edit of a 10,000-page site wrote megabytes.) Output is
 * emitted only when a group's result changed, and a tombstone when a group emptied.
 */
public final class TranslationTopology {

    private static final Logger log = LoggerFactory.getLogger(TranslationTopology.class);

    static final String MEMBERS_STORE = "translation-members";
    static final String EMITTED_STORE = "translation-emitted";
    static final String DUE_STORE = "translation-recheck-due";

    public static Topology build() {
        return build(RepositoryChecks.SLICE);
    }

    /** @param slice how long one punctuation may re-check groups (see {@link RepositoryChecks}) */
    static Topology build(Duration slice) {
        StreamsBuilder builder = new StreamsBuilder();
        // EventSerializer, so translations.v1 records carry the CloudEvents headers like every topic's.
        EventSerializer events = new EventSerializer("/inkstream/render");
        Serializer<TranslationGroup> headerStamping = new Serializer<>() {
            @Override
            public byte[] serialize(String topic, TranslationGroup data) {
                return events.serialize(topic, data);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, TranslationGroup data) {
                return events.serialize(topic, headers, data);
            }
        };
        Serde<TranslationGroup> translations = Serdes.serdeFrom(headerStamping, new EventDeserializer<>(TranslationGroup.class));

        builder.addStateStore(store(MEMBERS_STORE));
        builder.addStateStore(store(EMITTED_STORE));
        builder.addStateStore(store(DUE_STORE));

        builder.stream(Topics.RENDERED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .map((key, value) -> {
                    var document = Topics.DocumentKey.parse(key);
                    return KeyValue.pair(document.repo(), new RepositoryChecks.MemberChange(document.path(), member(value)));
                })
                .repartition(Repartitioned.<String, RepositoryChecks.MemberChange>as("translation-members-by-repository")
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(RepositoryChecks.MemberChange.class)))
                .process(() -> new RepositoryChecks(MEMBERS_STORE, EMITTED_STORE, DUE_STORE, slice), MEMBERS_STORE, EMITTED_STORE, DUE_STORE)
                .to(Topics.TRANSLATIONS, Produced.with(Serdes.String(), translations));
        return builder.build();
    }

    /**
     * A rendered page or site config as the topology keeps it: without its HTML, which no check
     * reads and which would make every state store as large as the site. Anything else, a
     * tombstone, or a record that cannot be read is no member.
     */
    static @Nullable RenderedDocument member(@Nullable byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            RenderedDocument doc = EventJson.read(value, RenderedDocument.class);
            if (!IndexEntry.isPage(doc) && !(doc.kind() == DocumentKind.CONFIG && doc.siteConfig() != null)) {
                return null;
            }
            return new RenderedDocument(doc.schemaVersion(), doc.repo(), doc.commit(), doc.path(), doc.kind(), doc.url(),
                    doc.title(), "", doc.date(), doc.lastmod(), doc.language(), doc.translationKey(), doc.tags(), null,
                    List.of(), doc.links(), doc.fingerprint(), doc.draft(), doc.params(), List.of(), null, List.of(),
                    doc.structure(), doc.history(), doc.siteConfig());
        } catch (JacksonException e) {
            // render wrote it, so this is a contract break, not author input: say so and skip it.
            log.error("unreadable rendered document skipped by the translation checks: {}", e.getOriginalMessage());
            return null;
        }
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray());
    }

    private TranslationTopology() {}
}
