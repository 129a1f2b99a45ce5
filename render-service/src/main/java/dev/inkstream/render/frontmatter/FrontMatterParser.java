package dev.inkstream.render.frontmatter;

import dev.inkstream.events.Diagnostic;
import java.util.ArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Front matter as static site generators accept it: YAML between {@code ---} fences, read with
 * SnakeYAML Engine in its safe, JSON-schema mode (no arbitrary types, few aliases against
 * "billion laughs", bounded size, duplicate keys reported); TOML between {@code +++} fences; or
 * a JSON object at the start. Whatever goes wrong, the body is still returned for rendering.
 */
public final class FrontMatterParser {

    private static final String BOM = "\uFEFF";
    private static final TomlMapper TOML = TomlMapper.builder().build();
    // The body follows the object, so what comes after it is not an error here.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int MAX_FRONT_MATTER_CODE_POINTS = 256 * 1024;
    private static final int MAX_ALIASES = 20;

    public static FrontMatter parse(String text) {
        String source = text.startsWith(BOM) ? text.substring(1) : text;
        List<String> lines = source.lines().toList();
        if (lines.isEmpty()) {
            return new FrontMatter(Map.of(), source, 1, List.of());
        }
        String first = lines.get(0).strip();
        if (first.equals("---")) {
            return fenced(lines, "---", FrontMatterParser::load, "YAML");
        }
        if (first.equals("+++")) {
            return fenced(lines, "+++", FrontMatterParser::loadToml, "TOML");
        }
        if (first.startsWith("{")) {
            return json(source);
        }
        return new FrontMatter(Map.of(), source, 1, List.of());
    }

    private interface Loader {
        Map<String, Object> load(String text, List<Diagnostic> diagnostics);
    }

    /** Front matter between two fence lines: {@code ---} for YAML (Hugo, Jekyll, Hexo), {@code +++} for TOML (Hugo). */
    private static FrontMatter fenced(List<String> lines, String fence, Loader loader, String language) {
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(fence) || (fence.equals("---") && line.equals("..."))) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return new FrontMatter(Map.of(), String.join("\n", lines), 1, List.of(Diagnostic.at(Diagnostic.Severity.ERROR,
                    "front-matter-unclosed", language + " front matter opened with '" + fence
                            + "' on line 1 is never closed", 1, 1)));
        }
        String matter = String.join("\n", lines.subList(1, close));
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Object> fields = loader.load(matter, diagnostics);
        return new FrontMatter(fields, body, close + 2, diagnostics);
    }

    private static Map<String, Object> loadToml(String toml, List<Diagnostic> diagnostics) {
        try {
            return TOML.readValue(toml, new TypeReference<Map<String, Object>>() {});
        } catch (JacksonException e) {
            var where = e.getLocation();
            // Lines are counted from the TOML, which starts on the line after the opening fence.
            int line = where == null || where.getLineNr() < 1 ? 2 : where.getLineNr() + 1;
            int column = where == null || where.getColumnNr() < 1 ? 1 : where.getColumnNr();
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "front-matter-invalid",
                    "front matter is not valid TOML: " + firstLine(e.getOriginalMessage()), line, column));
            return Map.of();
        }
    }

    /** Hugo's JSON front matter: one object at the very start, the body after it. */
    private static FrontMatter json(String source) {
        try (JsonParser parser = JSON.createParser(source)) {
            Map<String, Object> fields = JSON.readValue(parser, new TypeReference<Map<String, Object>>() {});
            int end = (int) parser.currentLocation().getCharOffset();
            String rest = source.substring(Math.min(end, source.length()));
            int bodyLine = (int) source.substring(0, Math.min(end, source.length())).lines().count() + 1;
            return new FrontMatter(fields, rest.replaceFirst("^[ \\t]*\\R", ""), bodyLine, List.of());
        } catch (JacksonException e) {
            var where = e.getLocation();
            return new FrontMatter(Map.of(), source, 1, List.of(Diagnostic.at(Diagnostic.Severity.ERROR,
                    "front-matter-invalid", "front matter is not valid JSON: " + firstLine(e.getOriginalMessage()),
                    where == null ? 1 : Math.max(1, where.getLineNr()), where == null ? 1 : Math.max(1, where.getColumnNr()))));
        }
    }

    private static Map<String, Object> load(String yaml, List<Diagnostic> diagnostics) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        Object loaded;
        try {
            try {
                loaded = new Load(yamlSettings(false)).loadFromString(yaml);
            } catch (DuplicateKeyException e) {
                // Reported, then read as most YAML readers do (the last one wins), so one repeated
                // key does not cost the page its title and date.
                Mark mark = e.getProblemMark().orElse(null);
                diagnostics.add(Diagnostic.at(Diagnostic.Severity.WARNING, "front-matter-duplicate-key",
                        "front matter " + firstLine(e.getProblem()) + "; the last value is used",
                        mark == null ? 2 : mark.getLine() + 2, mark == null ? 1 : mark.getColumn() + 1));
                loaded = new Load(yamlSettings(true)).loadFromString(yaml);
            }
        } catch (MarkedYamlEngineException e) {
            // Marks are 0-based within the YAML, which starts on the line after the opening fence.
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? 2 : mark.getLine() + 2;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "front-matter-invalid",
                    "front matter is not valid YAML: " + firstLine(e.getProblem()), line, column));
            return Map.of();
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "front-matter-invalid",
                    "front matter is not valid YAML: " + firstLine(e.getMessage()), 2, 1));
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            diagnostics.add(Diagnostic.at(Diagnostic.Severity.ERROR, "front-matter-invalid",
                    "front matter must be a mapping of fields, not a " + (loaded == null ? "null" : "scalar or list"), 2, 1));
            return Map.of();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return fields;
    }

    private static LoadSettings yamlSettings(boolean allowDuplicateKeys) {
        return LoadSettings.builder()
                .setAllowDuplicateKeys(allowDuplicateKeys)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_FRONT_MATTER_CODE_POINTS)
                .setLabel("front matter")
                .build();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private FrontMatterParser() {}
}
