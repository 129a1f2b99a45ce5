package dev.inkstream.events;

import java.util.List;

/** Topic names, keys and retention policies are part of the contract (ARCHITECTURE.md). */
public final class Topics {
    public static final String PUSH = "inkstream.push.v1";
    public static final String SOURCE = "inkstream.source.v1";
    public static final String CHANGES = "inkstream.changes.v1";
    public static final String RENDERED = "inkstream.rendered.v1";
    public static final String TRANSLATIONS = "inkstream.translations.v1";
    public static final String RELEASES = "inkstream.releases.v1";

    /** Suffix of a topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** How a topic should be created; services declare the topics they produce. */
    public record Spec(String name, int partitions, boolean compacted) {}

    /**
     * Per-repository ordering needs the repo-keyed topics on one partition per repository; one
     * partition is plenty until a deployment hosts many repositories. Document topics are keyed
     * by {@code repo:path} and spread over more partitions so render can scale out.
     */
    public static final List<Spec> ALL = List.of(
            new Spec(PUSH, 1, false),
            new Spec(SOURCE, 3, true),
            new Spec(CHANGES, 1, false),
            new Spec(RENDERED, 3, true),
            new Spec(TRANSLATIONS, 3, true),
            new Spec(RELEASES, 1, false));

    public static Spec spec(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }

    /** Key of a per-document record: {@code repo:path}. */
    public static String documentKey(String repo, String path) {
        return repo + ":" + path;
    }

    /** The repository and path of a {@code repo:path} key (paths may contain ':', repository ids may not). */
    public record DocumentKey(String repo, String path) {
        public static DocumentKey parse(String key) {
            int colon = key.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a repo:path key: '" + key + "'");
            }
            return new DocumentKey(key.substring(0, colon), key.substring(colon + 1));
        }
    }

    private Topics() {}
}
