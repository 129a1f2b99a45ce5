package dev.inkstream.ingest.git;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The part of the author's {@code inkstream.yaml} that ingest needs: {@code include} and
 * {@code exclude} globs, read from the commit being ingested. A config that cannot be read
 * falls back to the defaults and is reported, so a typo never unpublishes a site.
 */
public final class SiteContentConfig {

    public static final String PATH = "inkstream.yaml";
    private static final int MAX_CONFIG_BYTES = 256 * 1024;

    /** The rules, and the problem with the config file if it has one. */
    public record Read(ContentRules rules, Optional<ChangeSet.Skipped> problem) {}

    public static Read read(Repository repository, ObjectId commit, long maxFileBytes) throws IOException {
        // inkstream.yml is accepted too: authors type either, and render reads both as the site config.
        for (String path : List.of(PATH, "inkstream.yml")) {
            try (RevWalk walk = new RevWalk(repository);
                 TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
                if (tree != null) {
                    byte[] bytes = repository.open(tree.getObjectId(0)).getCachedBytes(MAX_CONFIG_BYTES);
                    return parse(new String(bytes, StandardCharsets.UTF_8), maxFileBytes);
                }
            } catch (org.eclipse.jgit.errors.LargeObjectException e) {
                return invalid(maxFileBytes, path + " is larger than " + MAX_CONFIG_BYTES + " bytes");
            }
        }
        return new Read(ContentRules.defaults(maxFileBytes), Optional.empty());
    }

    static Read parse(String yaml, long maxFileBytes) {
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(20)
                    .setLabel(PATH).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            return invalid(maxFileBytes, "inkstream.yaml is not valid YAML, so its include/exclude are ignored: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (loaded == null) {
            return new Read(ContentRules.defaults(maxFileBytes), Optional.empty());
        }
        if (!(loaded instanceof Map<?, ?> config)) {
            return invalid(maxFileBytes, "inkstream.yaml must be a mapping of settings");
        }
        try {
            return new Read(new ContentRules(globs(config.get("include")), globs(config.get("exclude")), maxFileBytes),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return invalid(maxFileBytes, "inkstream.yaml include/exclude ignored: " + e.getMessage());
        }
    }

    private static List<String> globs(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof Collection<?> many && many.stream().allMatch(v -> v instanceof String)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("include and exclude take a glob or a list of globs");
    }

    private static Read invalid(long maxFileBytes, String message) {
        return new Read(ContentRules.defaults(maxFileBytes),
                Optional.of(new ChangeSet.Skipped(PATH, Diagnostic.error("site-config-invalid", message))));
    }

    private SiteContentConfig() {}
}
