package dev.inkstream.render.translation;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventDeserializer;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.EventSerializer;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import dev.inkstream.events.Topics;
import dev.inkstream.events.TranslationGroup;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The translation checks as a Kafka Streams topology: {@code rendered.v1} → groups keyed
 * {@code repo:translationKey} → {@link TranslationChecks} → {@code translations.v1}.
 *
 * <p>Two aggregations, because a group's checks need two scopes. Per group: its members, so a
 * change to one file re-checks only its group, and a renamed file leaves its old group through
 * the table's subtractor (an emptied group becomes a tombstone). Per repository: a small
 * {@link RepositoryView} (every page's key and language, the site config), because the default
 * language, the convention and near misses are facts about the whole repository. The view is
 * joined to every group of its repository (a foreign-key join) and only re-emitted when it
 * changed, so edits do not re-check the repository; adding, renaming or deleting a file does.
 * Output is emitted only when a group's result changed.
 */
public final class TranslationTopology {

    private static final Logger log = LoggerFactory.getLogger(TranslationTopology.class);

    static final String MEMBERS_STORE = "translation-members";
    static final String GROUPS_STORE = "translation-groups";
    static final String INDEX_STORE = "translation-repository-index";
    static final String VIEW_STORE = "translation-repository-view";
    static final String VIEW_SEEN_STORE = "translation-repository-view-emitted";
    static final String CHECKED_STORE = "translation-checked";
    static final String EMITTED_STORE = "translation-emitted";

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<RenderedDocument> documents = JsonSerde.of(RenderedDocument.class);
        Serde<GroupMembers> groups = JsonSerde.of(GroupMembers.class);
        Serde<RepositoryIndex> indexes = JsonSerde.of(RepositoryIndex.class);
        Serde<RepositoryView> views = JsonSerde.of(RepositoryView.class);
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

        builder.addStateStore(changesStore(VIEW_SEEN_STORE));
        builder.addStateStore(changesStore(EMITTED_STORE));

        KTable<String, RenderedDocument> members = builder
                .stream(Topics.RENDERED, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(TranslationTopology::member)
                .toTable(Materialized.<String, RenderedDocument, KeyValueStore<Bytes, byte[]>>as(MEMBERS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(documents));

        KTable<String, GroupMembers> byGroup = members
                .filter((key, doc) -> IndexEntry.isPage(doc))
                .groupBy((key, doc) -> KeyValue.pair(Topics.documentKey(doc.repo(), doc.translationKey()), doc),
                        Grouped.with("translation-by-group", Serdes.String(), documents))
                .aggregate(GroupMembers::empty, (key, doc, group) -> group.with(doc), (key, doc, group) -> group.without(doc),
                        Materialized.<String, GroupMembers, KeyValueStore<Bytes, byte[]>>as(GROUPS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(groups));

        KTable<String, RepositoryView> byRepository = members
                .groupBy((key, doc) -> KeyValue.pair(doc.repo(), doc), Grouped.with("translation-by-repository", Serdes.String(), documents))
                .aggregate(RepositoryIndex::empty, (repo, doc, index) -> index.with(doc), (repo, doc, index) -> index.without(doc),
                        Materialized.<String, RepositoryIndex, KeyValueStore<Bytes, byte[]>>as(INDEX_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(indexes))
                .toStream()
                .mapValues((repo, index) -> index == null ? null : index.view(repo))
                .processValues(() -> new OnlyChanges<>(VIEW_SEEN_STORE), VIEW_SEEN_STORE)
                .toTable(Materialized.<String, RepositoryView, KeyValueStore<Bytes, byte[]>>as(VIEW_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(views));

        byGroup.join(byRepository, GroupMembers::repo,
                        (group, view) -> group.isEmpty() ? null : TranslationChecks.check(view, group.key(), group.members().values()),
                        Materialized.<String, TranslationGroup, KeyValueStore<Bytes, byte[]>>as(CHECKED_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(translations))
                .toStream()
                .processValues(() -> new OnlyChanges<>(EMITTED_STORE), EMITTED_STORE)
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

    private static StoreBuilder<KeyValueStore<String, byte[]>> changesStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray());
    }

    /** The members of one group, by path. */
    public record GroupMembers(String repo, String key, Map<String, RenderedDocument> members) {

        public GroupMembers {
            members = members == null ? Map.of() : Map.copyOf(members);
        }

        static GroupMembers empty() {
            return new GroupMembers("", "", Map.of());
        }

        GroupMembers with(RenderedDocument doc) {
            Map<String, RenderedDocument> next = new HashMap<>(members);
            next.put(doc.path(), doc);
            return new GroupMembers(doc.repo(), doc.translationKey(), next);
        }

        GroupMembers without(RenderedDocument doc) {
            Map<String, RenderedDocument> next = new HashMap<>(members);
            next.remove(doc.path());
            return new GroupMembers(repo, key, next);
        }

        boolean isEmpty() {
            return members.isEmpty();
        }
    }

    /** Every page's index entry and the site config of one repository. */
    public record RepositoryIndex(Map<String, IndexEntry> entries, @Nullable SiteConfig config, @Nullable String configPath) {

        public RepositoryIndex {
            entries = entries == null ? Map.of() : Map.copyOf(entries);
        }

        static RepositoryIndex empty() {
            return new RepositoryIndex(Map.of(), null, null);
        }

        RepositoryIndex with(RenderedDocument doc) {
            if (doc.kind() == DocumentKind.CONFIG) {
                return new RepositoryIndex(entries, doc.siteConfig(), doc.path());
            }
            Map<String, IndexEntry> next = new HashMap<>(entries);
            next.put(doc.path(), IndexEntry.of(doc));
            return new RepositoryIndex(next, config, configPath);
        }

        RepositoryIndex without(RenderedDocument doc) {
            if (doc.kind() == DocumentKind.CONFIG) {
                return doc.path().equals(configPath) ? new RepositoryIndex(entries, null, null) : this;
            }
            Map<String, IndexEntry> next = new HashMap<>(entries);
            next.remove(doc.path());
            return new RepositoryIndex(next, config, configPath);
        }

        RepositoryView view(String repo) {
            Collection<IndexEntry> sorted = entries.values().stream()
                    .sorted(Comparator.comparing(IndexEntry::path)).toList();
            return RepositoryTranslations.view(repo, config, sorted);
        }
    }

    /**
     * Passes a value on only when it differs from the last one passed for its key (compared as
     * JSON), and a tombstone only when something was passed before: downstream sees changes.
     */
    static final class OnlyChanges<V> implements FixedKeyProcessor<String, V, V> {

        private final String storeName;
        private FixedKeyProcessorContext<String, V> context;
        private KeyValueStore<String, byte[]> last;

        OnlyChanges(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
            this.last = context.getStateStore(storeName);
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            byte[] previous = last.get(record.key());
            if (record.value() == null) {
                if (previous != null) {
                    last.delete(record.key());
                    context.forward(record);
                }
                return;
            }
            byte[] current = EventJson.write(record.value());
            if (!Arrays.equals(previous, current)) {
                last.put(record.key(), current);
                context.forward(record);
            }
        }
    }

    private TranslationTopology() {}
}
