package dev.inkstream.render.text;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Plain-text documents (a CV exported to .txt, say) as readable HTML without guessing at
 * markup: blank lines separate blocks; a block that is one short line is a heading; lines
 * starting with a bullet ({@code •}, {@code -}, {@code *}) are list items, and the lines that
 * follow an item without a bullet continue it (exports wrap long items); other lines keep their
 * line breaks. Everything is escaped.
 */
public final class PlainTextRenderer {

    private static final int HEADING_MAX_LENGTH = 60;

    public static String render(String text) {
        StringBuilder html = new StringBuilder();
        for (List<String> block : blocks(text)) {
            if (block.size() == 1 && isHeading(block.getFirst())) {
                html.append("<h2>").append(escape(block.getFirst())).append("</h2>\n");
            } else {
                renderBlock(block, html);
            }
        }
        return html.toString();
    }

    private static void renderBlock(List<String> block, StringBuilder html) {
        List<String> paragraph = new ArrayList<>();
        List<StringBuilder> items = new ArrayList<>();
        for (String line : block) {
            String bullet = bulletText(line);
            if (bullet != null) {
                flushParagraph(paragraph, html);
                items.add(new StringBuilder(bullet));
            } else if (!items.isEmpty()) {
                items.getLast().append(' ').append(line.strip());
            } else {
                paragraph.add(line.strip());
            }
        }
        flushParagraph(paragraph, html);
        if (!items.isEmpty()) {
            html.append("<ul>\n");
            items.forEach(item -> html.append("<li>").append(escape(item.toString())).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static void flushParagraph(List<String> lines, StringBuilder html) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<p>").append(String.join("<br>\n", lines.stream().map(PlainTextRenderer::escape).toList()))
                .append("</p>\n");
        lines.clear();
    }

    private static String bulletText(String line) {
        String stripped = line.strip();
        for (String bullet : List.of("•", "- ", "* ", "· ")) {
            if (stripped.startsWith(bullet)) {
                return stripped.substring(bullet.length()).strip();
            }
        }
        return null;
    }

    /** Short, alone, and not ending like a sentence: "Education", "Work Experience". */
    private static boolean isHeading(String line) {
        String stripped = line.strip();
        return stripped.length() <= HEADING_MAX_LENGTH && bulletText(stripped) == null
                && !stripped.matches(".*[.,;:!?。，；：！？]$");
    }

    private static List<List<String>> blocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }

    private PlainTextRenderer() {}
}
