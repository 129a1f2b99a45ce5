package dev.inkstream.publish.site;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import dev.inkstream.events.TranslationGroup;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * Every rendered document of every repository's branch, plus each repository's queue of change
 * sets. Rebuilt from the compacted {@code rendered.v1} and from {@code changes.v1} on start.
 */
public final class SiteModel {

    private final Map<String, Map<String, RenderedDocument>> documents = new HashMap<>();
    private final Map<String, ReleaseQueue> queues = new HashMap<>();
    /** Translation groups by repository and key, from {@code translations.v1}, for the dashboard. */
    private final Map<String, Map<String, TranslationGroup>> translations = new HashMap<>();
    /** Files ingest refused, by repository and path, until a later push publishes or deletes them. */
    private final Map<String, Map<String, ChangeSet.Skipped>> skipped = new HashMap<>();

    public void apply(RenderedDocument document) {
        documents.computeIfAbsent(document.repo(), r -> new HashMap<>()).put(document.path(), document);
    }

    /** A tombstone: {@code repo:path} was deleted. */
    public void remove(String repo, String path) {
        Map<String, RenderedDocument> site = documents.get(repo);
        if (site != null) {
            site.remove(path);
        }
    }

    /** A group from {@code translations.v1}; absent (a tombstone) when the group no longer exists. */
    public void applyTranslations(String repo, String translationKey, @Nullable TranslationGroup group) {
        Map<String, TranslationGroup> groups = translations.computeIfAbsent(repo, r -> new HashMap<>());
        if (group == null) {
            groups.remove(translationKey);
        } else {
            groups.put(translationKey, group);
        }
    }

    public Collection<TranslationGroup> translations(String repo) {
        return translations.getOrDefault(repo, Map.of()).values();
    }

    public void enqueue(ChangeSet changeSet) {
        queues.computeIfAbsent(changeSet.repo(), r -> new ReleaseQueue()).add(changeSet);
        Map<String, ChangeSet.Skipped> refused = skipped.computeIfAbsent(changeSet.repo(), r -> new HashMap<>());
        changeSet.changes().forEach(change -> refused.remove(change.path()));
        changeSet.skipped().forEach(skip -> refused.put(skip.path(), skip));
    }

    /** What the repository's latest pushes left unpublished, and why. */
    public List<ChangeSet.Skipped> skipped(String repo) {
        return skipped.getOrDefault(repo, Map.of()).values().stream()
                .sorted(Comparator.comparing(ChangeSet.Skipped::path)).toList();
    }

    public Set<String> repositoriesWithQueuedChanges() {
        return queues.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The newest change set of {@code repo} that can be released now. */
    public Optional<ChangeSet> releasable(String repo) {
        ReleaseQueue queue = queues.get(repo);
        return queue == null ? Optional.empty() : queue.newestReady(documents(repo));
    }

    /** The release of {@code changeSet} is live: it and older change sets leave the queue. */
    public void released(ChangeSet changeSet) {
        ReleaseQueue queue = queues.get(changeSet.repo());
        if (queue != null) {
            queue.released(changeSet);
        }
    }

    /** What the repository's own configuration says about its site, when it has one. */
    public Optional<SiteConfig> siteConfig(String repo) {
        return SiteConfigs.winner(documents(repo).values());
    }

    public Map<String, RenderedDocument> documents(String repo) {
        return documents.getOrDefault(repo, Map.of());
    }

    public void clear() {
        documents.clear();
        queues.clear();
        skipped.clear();
        translations.clear();
    }
}
