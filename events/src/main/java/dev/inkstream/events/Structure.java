package dev.inkstream.events;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a rendered page, for comparing a translation with its source without comparing
 * their words: what headings, code, links, images and tables it has, and how much text in which
 * script. Computed by render from the Markdown tree; compared by the translation checks.
 *
 * @param headings   every heading in document order
 * @param codeBlocks every fenced or indented code block in document order
 * @param links      link targets as written (external URLs and relative paths), in order
 * @param images     image targets as written, in order
 * @param tables     the column count of every table, in order
 * @param scripts    letters of running text per Unicode script name ({@code HAN}, {@code LATIN},
 *                   {@code HIRAGANA}, …), code excluded
 * @param words      words of running text: a CJK character counts as one, a Latin word as one
 */
public record Structure(
        List<Heading> headings,
        List<CodeBlock> codeBlocks,
        List<String> links,
        List<String> images,
        List<Integer> tables,
        Map<String, Integer> scripts,
        int words) {

    public static final Structure EMPTY = new Structure(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), 0);

    public Structure {
        headings = headings == null ? List.of() : List.copyOf(headings);
        codeBlocks = codeBlocks == null ? List.of() : List.copyOf(codeBlocks);
        links = links == null ? List.of() : List.copyOf(links);
        images = images == null ? List.of() : List.copyOf(images);
        tables = tables == null ? List.of() : List.copyOf(tables);
        // Sorted and unmodifiable: Map.copyOf's order changes from one JVM to the next, and so would the JSON.
        scripts = scripts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(scripts));
    }

    /** @param line 1-based line in the source file */
    public record Heading(int level, String id, String text, int line) {}

    /**
     * @param language the info string's first word, empty when none
     * @param sha256   hex SHA-256 of the code text, so identical code can be recognised
     */
    public record CodeBlock(String language, String sha256, int line) {}
}
