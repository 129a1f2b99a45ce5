package dev.inkstream.standalone.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The deployment files as data: every document of every YAML file, with Compose's merge keys applied. */
final class YamlFiles {

    /** deploy/ of this checkout (the tests run in the standalone module's folder). */
    static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    static List<Path> under(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of {@code file}; empty documents are left out. */
    static List<Map<String, Object>> documents(Path file) {
        try {
            return documentsOf(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> documentsOf(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().setLabel("deploy").build()).loadAllFromString(text)) {
            if (document != null) {
                documents.add(map(mergeKeys(document)));
            }
        }
        return documents;
    }

    /**
     * YAML 1.2 (SnakeYAML Engine) has no merge key; Compose files use YAML 1.1's {@code <<: *anchor},
     * so it is applied here as Compose applies it: the mapping's own keys win.
     */
    @SuppressWarnings("unchecked")
    private static Object mergeKeys(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Object inherited = map.get("<<");
            List<Object> sources = inherited instanceof List<?> list ? (List<Object>) list
                    : inherited == null ? List.of() : List.of(inherited);
            for (Object source : sources) {
                ((Map<String, Object>) mergeKeys(source)).forEach(merged::putIfAbsent);
            }
            map.forEach((k, v) -> {
                if (!"<<".equals(k)) {
                    merged.put(String.valueOf(k), mergeKeys(v));
                }
            });
            return merged;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(YamlFiles::mergeKeys).toList();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The value at a dotted path of mapping keys, or null. */
    static Object at(Map<String, Object> root, String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            node = map(node).get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    static String text(Map<String, Object> root, String path) {
        return Objects.toString(at(root, path), null);
    }

    private YamlFiles() {}
}
