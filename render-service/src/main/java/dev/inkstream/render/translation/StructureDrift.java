package dev.inkstream.render.translation;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.Structure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether a translation kept its source's shape: the same headings, code, link and image
 * targets and tables. Words are never compared, only what a faithful translation keeps.
 */
final class StructureDrift {

    static List<Diagnostic> compare(Structure source, Structure translation) {
        List<Diagnostic> findings = new ArrayList<>();
        headings(source, translation, findings);
        codeBlocks(source, translation, findings);
        targets("link-mismatch", "links to", source.links(), translation.links(), findings);
        targets("image-mismatch", "images", source.images(), translation.images(), findings);
        if (!source.tables().equals(translation.tables())) {
            findings.add(Diagnostic.warning("table-mismatch", "tables (columns each) are " + translation.tables()
                    + " here but " + source.tables() + " in the source"));
        }
        return findings;
    }

    private static void headings(Structure source, Structure translation, List<Diagnostic> findings) {
        List<Integer> expected = source.headings().stream().map(Structure.Heading::level).toList();
        List<Integer> actual = translation.headings().stream().map(Structure.Heading::level).toList();
        if (expected.equals(actual)) {
            return;
        }
        Map<String, Long> expectedCounts = counts(expected);
        Map<String, Long> actualCounts = counts(actual);
        int at = 0;
        while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
            at++;
        }
        String message = expectedCounts.equals(actualCounts)
                ? "headings are in a different order from the source's, from heading " + (at + 1)
                : "headings " + actualCounts + " here but " + expectedCounts + " in the source; the first difference is heading "
                        + (at + 1);
        Integer line = at < translation.headings().size() ? translation.headings().get(at).line() : null;
        if (at < source.headings().size()) {
            message += " (source: h" + expected.get(at) + " \"" + source.headings().get(at).text() + "\")";
        }
        findings.add(new Diagnostic(Diagnostic.Severity.WARNING, "heading-mismatch", message, line, null));
    }

    private static void codeBlocks(Structure source, Structure translation, List<Diagnostic> findings) {
        List<String> expected = source.codeBlocks().stream().map(c -> label(c.language())).toList();
        List<String> actual = translation.codeBlocks().stream().map(c -> label(c.language())).toList();
        if (!expected.equals(actual)) {
            findings.add(Diagnostic.warning("code-block-mismatch", actual.size() + " code blocks " + actual + " here but "
                    + expected.size() + " " + expected + " in the source"));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            Structure.CodeBlock original = source.codeBlocks().get(i);
            Structure.CodeBlock translated = translation.codeBlocks().get(i);
            if (!original.sha256().equals(translated.sha256())) {
                // Comments in code are often translated on purpose: worth a look, not a warning.
                findings.add(new Diagnostic(Diagnostic.Severity.INFO, "code-block-mismatch", "code block " + (i + 1) + " ("
                        + label(original.language()) + ") differs from the source's at line " + original.line()
                        + "; code is usually identical in a translation", translated.line(), null));
            }
        }
    }

    /**
     * Targets compared by what they point at: a relative link to {@code b_zh.md} in the
     * translation points at the same page as {@code b.md} in the source, and anchors are
     * translated with their headings.
     */
    private static void targets(String code, String what, List<String> source, List<String> translation, List<Diagnostic> findings) {
        Set<String> expected = normalised(source);
        Set<String> actual = normalised(translation);
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new LinkedHashSet<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("the source " + what + " " + String.join(", ", missing) + " but this translation does not");
        }
        if (!extra.isEmpty()) {
            parts.add("this translation " + what + " " + String.join(", ", extra) + " but the source does not");
        }
        findings.add(Diagnostic.warning(code, String.join("; ", parts)));
    }

    private static Set<String> normalised(List<String> targets) {
        Set<String> result = new LinkedHashSet<>();
        for (String target : targets) {
            String withoutAnchor = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            if (withoutAnchor.isEmpty()) {
                continue;
            }
            if (withoutAnchor.contains("://") || withoutAnchor.startsWith("mailto:")) {
                result.add(withoutAnchor);
            } else {
                FileLanguage file = TranslationNaming.of(withoutAnchor);
                String name = withoutAnchor.substring(withoutAnchor.lastIndexOf('/') + 1);
                String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                result.add(file.language() == null ? withoutAnchor : file.translationKey() + extension);
            }
        }
        return result;
    }

    private static Map<String, Long> counts(List<Integer> levels) {
        return levels.stream().collect(Collectors.groupingBy(l -> "h" + l, TreeMap::new, Collectors.counting()));
    }

    private static String label(String language) {
        return language.isEmpty() ? "plain" : language;
    }

    private StructureDrift() {}
}
