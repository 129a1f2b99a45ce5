package dev.inkstream.benchmarks;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes the YAML front matter of generated pages and rewrites their tags for edits.
 *
 * <p>Real repositories are written by hand over years, by Hugo, Hexo and Jekyll habits, so
 * the same field arrives in several shapes; the corpus mixes them on purpose so that the
 * renderer's front matter handling is measured on what it meets in practice.
 */
final class FrontMatter {

    private static final String DELIMITER = "---\n";
    /** Characters that cannot start a plain YAML scalar. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    /** Characters that end a plain scalar inside a flow list. */
    private static final String FLOW_INDICATORS = ",[]{}";

    /** The date shapes authors write: Hexo's default, a bare date, and ISO 8601 in UTC. */
    enum DateStyle {
        DATE_TIME("yyyy-MM-dd HH:mm:ss"),
        DATE_ONLY("yyyy-MM-dd"),
        ISO_INSTANT("yyyy-MM-dd'T'HH:mm:ss'Z'");

        private final DateTimeFormatter formatter;

        DateStyle(String pattern) {
            this.formatter = DateTimeFormatter.ofPattern(pattern);
        }

        String format(LocalDateTime utc) {
            return formatter.format(utc);
        }
    }

    /** Tags as a block list, a flow list, or Hexo's comma-separated string. */
    enum TagStyle {
        BLOCK_LIST,
        FLOW_LIST,
        COMMA_SEPARATED
    }

    static String render(String title, String date, List<String> tags, TagStyle tagStyle,
                         @Nullable String description) {
        StringBuilder yaml = new StringBuilder(DELIMITER);
        yaml.append("title: ").append(scalar(title, false)).append('\n');
        yaml.append("date: ").append(date).append('\n');
        yaml.append(tagsEntry(tags, tagStyle));
        if (description != null) {
            yaml.append("description: ").append(scalar(description, false)).append('\n');
        }
        return yaml.append(DELIMITER).toString();
    }

    /**
     * Returns {@code document} with its {@code tags} entry replaced by {@code tags}, written in
     * the style the entry already had, so an edit changes only what an author would change.
     */
    static String replaceTags(String document, List<String> tags) {
        if (!document.startsWith(DELIMITER)) {
            throw new IllegalArgumentException("document has no front matter");
        }
        int closing = document.indexOf("\n" + DELIMITER, DELIMITER.length() - 1);
        if (closing < 0) {
            throw new IllegalArgumentException("front matter is not closed");
        }
        List<String> lines = document.substring(DELIMITER.length(), closing + 1).lines().toList();
        List<String> rewritten = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("tags:")) {
                rewritten.add(line);
                continue;
            }
            String value = line.substring("tags:".length()).strip();
            TagStyle style = value.isEmpty() ? TagStyle.BLOCK_LIST
                    : value.startsWith("[") ? TagStyle.FLOW_LIST
                    : TagStyle.COMMA_SEPARATED;
            while (style == TagStyle.BLOCK_LIST && i + 1 < lines.size() && lines.get(i + 1).startsWith("  - ")) {
                i++;
            }
            rewritten.add(tagsEntry(tags, style).stripTrailing());
            replaced = true;
        }
        if (!replaced) {
            throw new IllegalArgumentException("front matter has no tags entry");
        }
        return DELIMITER + String.join("\n", rewritten) + "\n" + document.substring(closing + 1);
    }

    private static String tagsEntry(List<String> tags, TagStyle style) {
        if (tags.isEmpty()) {
            return "tags: []\n";
        }
        return switch (style) {
            case BLOCK_LIST -> tags.stream().map(tag -> "  - " + scalar(tag, false) + "\n")
                    .collect(Collectors.joining("", "tags:\n", ""));
            case FLOW_LIST -> tags.stream().map(tag -> scalar(tag, true))
                    .collect(Collectors.joining(", ", "tags: [", "]\n"));
            case COMMA_SEPARATED -> {
                if (tags.stream().anyMatch(tag -> tag.contains(","))) {
                    throw new IllegalArgumentException("a comma-separated tag string cannot hold a tag with a comma: " + tags);
                }
                yield "tags: " + scalar(String.join(", ", tags), false) + "\n";
            }
        };
    }

    /** A YAML scalar, double-quoted only where a plain one would be misread, as people write them. */
    private static String scalar(String text, boolean insideFlowList) {
        boolean plainIsSafe = !text.isEmpty()
                && text.equals(text.strip())
                && text.indexOf('\n') < 0
                && INDICATORS.indexOf(text.charAt(0)) < 0
                && !text.contains(": ") && !text.contains(" #") && !text.endsWith(":")
                && !(insideFlowList && text.chars().anyMatch(c -> FLOW_INDICATORS.indexOf(c) >= 0));
        if (plainIsSafe) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private FrontMatter() {}
}
