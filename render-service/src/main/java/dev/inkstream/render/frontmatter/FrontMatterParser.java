package dev.inkstream.render.frontmatter;

import dev.inkstream.events.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * YAML front matter between {@code ---} fences, read with SnakeYAML Engine in its safe,
 * JSON-schema mode: no arbitrary types, few aliases (no "billion laughs"), bounded size, and
 * duplicate keys reported. Whatever goes wrong, the body is still returned for rendering.
 */
public final class FrontMatterParser {

    private static final String BOM = "\uFEFF";
    private static final int MAX_FRONT_MATTER_CODE_POINTS = 256 * 1024;
    private static final int MAX_ALIASES = 20;

    public static FrontMatter parse(String text) {
        String source = text.startsWith(BOM) ? text.substring(1) : text;
        List<String> lines = source.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new FrontMatter(Map.of(), source, 1, List.of());
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return new FrontMatter(Map.of(), source, 1, List.of(Diagnostic.at(Diagnostic.Severity.ERROR,
                    "front-matter-unclosed", "front matter opened with '---' on line 1 is never closed", 1, 1)));
        }
        String yaml = String.join("\n", lines.subList(1, close));
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        int bodyLine = close + 2;
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Object> fields = load(yaml, diagnostics);
        return new FrontMatter(fields, body, bodyLine, diagnostics);
    }

    private static Map<String, Object> load(String yaml, List<Diagnostic> diagnostics) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_FRONT_MATTER_CODE_POINTS)
                .setLabel("front matter")
                .build();
        Object loaded;
        try {
            loaded = new Load(settings).loadFromString(yaml);
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

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private FrontMatterParser() {}
}
