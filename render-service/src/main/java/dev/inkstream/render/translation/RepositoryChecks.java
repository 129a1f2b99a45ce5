package dev.inkstream.render.translation;

import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import dev.inkstream.events.TranslationGroup;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The translation checks of the repositories of one partition (changes arrive keyed by
 * repository). A document's change re-checks its own group at once when the repository-wide
 * facts (every page's {@link IndexEntry}, the site config) stay the same, which is every edit of
 * a page's text. A change of those facts (a page added, renamed, deleted, a language or the
 * config changed) re-checks the whole repository, once the repository has been quiet (no such
 * change for {@link #QUIET}, or for twice the longest pause between its changes so far, whichever
 * is longer) or after {@link #AT_MOST} of them: a first import of ten thousand files is a
 * re-check or two instead of one per file. A re-check takes only the groups the change can have
 * changed, unless the repository's languages or conventions changed. It runs in slices of at most
 * {@link #SLICE} per punctuation, so that no transaction of the stream thread outlives the
 * producer's transaction timeout however large the repository and however loaded the machine: a
 * re-check of every group of a large site in one go was fenced, restored, and started again.
 *
 * <p>All state is in three stores, so a restart, or a move of the partition to another instance,
 * resumes exactly (exactly once, with the outputs): each member without its HTML, the group last
 * emitted per key (a group is emitted only when its result changed, and a tombstone when it
 * emptied), and the repositories with a re-check due. What is kept in memory (each page's index
 * entry, which paths each group has, the view) is rebuilt from the members store on first use.
 */
final class RepositoryChecks implements Processor<String, RepositoryChecks.MemberChange, String, TranslationGroup> {

    /** One document's new state in the checks: its member (a page or a site config without HTML), or none. */
    record MemberChange(String path, @Nullable RenderedDocument member) {}

    static final Duration QUIET = Duration.ofMillis(500);
    static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration TICK = Duration.ofMillis(250);
    /** How long one punctuation re-checks groups before it lets the thread process and commit. */
    static final Duration SLICE = Duration.ofMillis(500);
    private static final byte[] DUE = {1};

    private final String membersStore;
    private final String emittedStore;
    private final String dueStore;
    private ProcessorContext<String, TranslationGroup> context;
    private KeyValueStore<String, byte[]> members;
    private KeyValueStore<String, byte[]> emitted;
    private KeyValueStore<String, byte[]> due;
    private final Map<String, Repository> repositories = new HashMap<>();
    private final Duration slice;

    RepositoryChecks(String membersStore, String emittedStore, String dueStore, Duration slice) {
        this.membersStore = membersStore;
        this.emittedStore = emittedStore;
        this.dueStore = dueStore;
        this.slice = slice;
    }

    /** What the checks keep in memory of one repository, derived from the members store. */
    private static final class Repository {
        final Map<String, IndexEntry> entries = new TreeMap<>();
        final Map<String, SiteConfig> configs = new HashMap<>();
        final Map<String, Set<String>> groups = new HashMap<>();
        /** Groups a member joined or left since the last re-check. */
        final Set<String> touched = new HashSet<>();
        @Nullable RepositoryView view;
        /** The view the last re-check used; none after a restart, which re-checks everything. */
        @Nullable RepositoryView checkedWith;
        /** The re-check under way, if one is. */
        @Nullable Recheck recheck;
        long firstChange = -1;
        long lastChange = -1;
        /**
         * The longest pause between two changes of the facts since the re-check became due. A
         * first import arrives in render's transactions, one polled batch at a time, a second or
         * more apart under load: quiet for a fixed half second, the checks re-checked the
         * repository after almost every batch, each time searching near misses for every
         * translation whose source had not arrived yet, against every key.
         */
        long longestPause;
    }

    /** A re-check under way: the groups it has still to check, and the view it started from. */
    private static final class Recheck {
        final Deque<String> groups;
        final RepositoryView startedWith;
        /** A member changed after it started: the repository is due again when it ends. */
        boolean changedSince;

        Recheck(Deque<String> groups, RepositoryView startedWith) {
            this.groups = groups;
            this.startedWith = startedWith;
        }
    }

    @Override
    public void init(ProcessorContext<String, TranslationGroup> context) {
        this.context = context;
        this.members = context.getStateStore(membersStore);
        this.emitted = context.getStateStore(emittedStore);
        this.due = context.getStateStore(dueStore);
        repositories.clear();
        context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::recheckDue);
    }

    @Override
    public void process(Record<String, MemberChange> record) {
        String repo = record.key();
        MemberChange change = record.value();
        String key = repo + ":" + change.path();
        byte[] now = change.member() == null ? null : EventJson.write(change.member());
        byte[] before = members.get(key);
        if (Arrays.equals(before, now)) {
            return;
        }
        Repository repository = repository(repo);
        IndexEntry oldEntry = repository.entries.get(change.path());
        SiteConfig oldConfig = repository.configs.get(change.path());
        if (now == null) {
            members.delete(key);
        } else {
            members.put(key, now);
        }
        forget(repository, change.path());
        remember(repository, change.path(), change.member());
        IndexEntry newEntry = repository.entries.get(change.path());
        if (oldEntry != null) {
            repository.touched.add(oldEntry.translationKey());
        }
        if (newEntry != null) {
            repository.touched.add(newEntry.translationKey());
        }
        boolean factsChanged = !Objects.equals(oldEntry, newEntry)
                || !Objects.equals(oldConfig, repository.configs.get(change.path()));
        boolean alreadyDue = due.get(repo) != null;
        if (factsChanged || alreadyDue) {
            // The repository is re-checked once quiet, this document's groups with it.
            long time = context.currentSystemTimeMs();
            if (!alreadyDue) {
                due.put(repo, DUE);
                repository.firstChange = time;
                repository.longestPause = 0;
            } else if (repository.lastChange > 0) {
                repository.longestPause = Math.max(repository.longestPause, time - repository.lastChange);
            }
            if (repository.recheck != null) {
                repository.recheck.changedSince = true;
            }
            repository.lastChange = time;
            repository.view = null;
        } else if (oldEntry != null) {
            emitIfChanged(repo, repository, oldEntry.translationKey(), record.timestamp());
        }
    }

    /** The repository's state in memory, read from the members store the first time it is needed. */
    private Repository repository(String repo) {
        Repository known = repositories.get(repo);
        if (known != null) {
            return known;
        }
        Repository repository = new Repository();
        String prefix = repo + ":";
        try (KeyValueIterator<String, byte[]> all = members.prefixScan(prefix, new StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> next = all.next();
                remember(repository, next.key.substring(prefix.length()), EventJson.read(next.value, RenderedDocument.class));
            }
        }
        if (due.get(repo) != null) {
            // Due before a restart: the time it became due is gone, so it is due now.
            repository.firstChange = 0;
            repository.lastChange = 0;
        }
        repositories.put(repo, repository);
        return repository;
    }

    private static void remember(Repository repository, String path, @Nullable RenderedDocument member) {
        if (member == null) {
            return;
        }
        if (IndexEntry.isPage(member)) {
            IndexEntry entry = IndexEntry.of(member);
            repository.entries.put(path, entry);
            repository.groups.computeIfAbsent(entry.translationKey(), k -> new TreeSet<>()).add(path);
        } else if (member.siteConfig() != null) {
            repository.configs.put(path, member.siteConfig());
        }
    }

    private static void forget(Repository repository, String path) {
        IndexEntry entry = repository.entries.remove(path);
        if (entry != null) {
            Set<String> group = repository.groups.get(entry.translationKey());
            group.remove(path);
            if (group.isEmpty()) {
                repository.groups.remove(entry.translationKey());
            }
        }
        repository.configs.remove(path);
    }

    /**
     * Goes on with the re-check of every repository whose facts changed and have been quiet long
     * enough, for one {@link #slice} (and at least one group) in all.
     */
    private void recheckDue(long now) {
        List<String> repos = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = due.all()) {
            all.forEachRemaining(entry -> repos.add(entry.key));
        }
        long until = System.nanoTime() + slice.toNanos();
        for (String repo : repos) {
            Repository repository = repository(repo);
            if (repository.recheck == null) {
                long quiet = Math.max(QUIET.toMillis(), 2 * repository.longestPause);
                if (now - repository.lastChange < quiet && now - repository.firstChange < AT_MOST.toMillis()) {
                    continue;
                }
                repository.recheck = start(repo, repository);
            }
            Deque<String> groups = repository.recheck.groups;
            do {
                if (!groups.isEmpty()) {
                    emitIfChanged(repo, repository, groups.poll(), now);
                }
            } while (!groups.isEmpty() && System.nanoTime() < until);
            if (!groups.isEmpty()) {
                return;
            }
            finish(repo, repository, now);
        }
    }

    /**
     * The groups the change of facts can have changed. When the repository's languages, default
     * language, convention and settings are as at the last re-check, those are the groups a member
     * joined or left, and the groups without a source (their near misses are looked for among
     * every key); else every group.
     */
    private static Recheck start(String repo, Repository repository) {
        repository.view = null;
        RepositoryView view = view(repo, repository);
        boolean everything = repository.checkedWith == null || !sameRules(repository.checkedWith, view);
        Deque<String> groups = new ArrayDeque<>();
        for (var group : repository.groups.entrySet()) {
            if (everything || repository.touched.contains(group.getKey()) || withoutSource(repository, group.getValue(), view)) {
                groups.add(group.getKey());
            }
        }
        repository.touched.clear();
        return new Recheck(groups, view);
    }

    /**
     * Ends a re-check with a tombstone for each group emitted before that has no member now. The
     * repository stays due when a member changed meanwhile: what changed is in {@code touched}.
     */
    private void finish(String repo, Repository repository, long timestamp) {
        Recheck recheck = repository.recheck;
        repository.recheck = null;
        repository.checkedWith = recheck.startedWith;
        List<String> emptied = new ArrayList<>();
        String prefix = repo + ":";
        try (KeyValueIterator<String, byte[]> all = emitted.prefixScan(prefix, new StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (!repository.groups.containsKey(entry.key.substring(prefix.length()))) {
                    emptied.add(entry.key);
                }
            });
        }
        for (String key : emptied) {
            emitted.delete(key);
            context.forward(new Record<>(key, null, timestamp));
        }
        if (recheck.changedSince) {
            // Due again from now: what came during the re-check is what it waits for.
            repository.firstChange = timestamp;
            repository.longestPause = 0;
        } else {
            due.delete(repo);
        }
    }

    /** What every group's checks depend on besides its members and, for near misses, the keys. */
    private static boolean sameRules(RepositoryView a, RepositoryView b) {
        return a.settings().equals(b.settings()) && a.defaultLanguage().equals(b.defaultLanguage())
                && a.languages().equals(b.languages()) && a.convention().equals(b.convention());
    }

    private static boolean withoutSource(Repository repository, Set<String> paths, RepositoryView view) {
        for (String path : paths) {
            String language = repository.entries.get(path).language();
            if (language == null || language.equals(view.defaultLanguage())) {
                return false;
            }
        }
        return true;
    }

    private void emitIfChanged(String repo, Repository repository, String translationKey, long timestamp) {
        Set<String> paths = repository.groups.getOrDefault(translationKey, Set.of());
        if (paths.isEmpty()) {
            return;
        }
        List<RenderedDocument> group = new ArrayList<>(paths.size());
        for (String path : paths) {
            group.add(EventJson.read(members.get(repo + ":" + path), RenderedDocument.class));
        }
        TranslationGroup checked = TranslationChecks.check(view(repo, repository), translationKey, group);
        String key = repo + ":" + translationKey;
        byte[] json = EventJson.write(checked);
        if (!Arrays.equals(emitted.get(key), json)) {
            emitted.put(key, json);
            context.forward(new Record<>(key, checked, timestamp));
        }
    }

    /** The repository-wide facts, from every page's entry (by path) and the config that speaks for the site. */
    private static RepositoryView view(String repo, Repository repository) {
        if (repository.view == null) {
            SiteConfig config = repository.configs.entrySet().stream()
                    .min(Comparator.comparingInt((Map.Entry<String, SiteConfig> e) -> rank(e.getKey()))
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getValue).orElse(null);
            repository.view = RepositoryTranslations.view(repo, config, repository.entries.values());
        }
        return repository.view;
    }

    /** {@code inkstream.yaml} over {@code hugo.toml} over …, as publish picks the site's config. */
    private static int rank(String path) {
        int rank = SiteConfig.FILES.indexOf(path);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
