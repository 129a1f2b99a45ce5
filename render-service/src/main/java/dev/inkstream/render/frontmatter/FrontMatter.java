package dev.inkstream.render.frontmatter;

import dev.inkstream.events.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document split into its front matter fields and its body.
 *
 * @param bodyLine 1-based line of the source where the body starts, for diagnostics in the body
 */
public record FrontMatter(Map<String, Object> fields, String body, int bodyLine, List<Diagnostic> diagnostics) {

    public FrontMatter withBody(String newBody) {
        return new FrontMatter(fields, newBody, bodyLine, diagnostics);
    }

    public Optional<String> string(String field) {
        Object value = fields.get(field);
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
    }
}
