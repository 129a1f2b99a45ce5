package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PipelineStatusTest {

    @Test
    void errorsNameTheDocumentTheyAreListedUnderAndNothingIsCountedTwice() {
        String report = """
                {"documents": [
                  {"path": "posts/broken.md", "url": "/posts/broken/", "diagnostics": [
                    {"severity": "ERROR", "code": "front-matter-invalid", "message": "not valid YAML", "path": null},
                    {"severity": "WARNING", "code": "broken-link", "message": "links to /x/", "path": "posts/broken.md"}]},
                  {"path": "a.md", "url": "/a/", "diagnostics": [
                    {"severity": "ERROR", "code": "template-error", "message": "bad layout", "path": "layouts/page.html"}]}],
                 "notPublished": [{"path": "b.md", "reason": {"severity": "WARNING", "code": "url-conflict", "message": "m"}}]}
                """;
        Map<String, Integer> counts = new TreeMap<>();
        List<String> errors = new ArrayList<>();

        PipelineStatus.summarise(EventJson.mapper().readTree(report), counts, errors);

        assertThat(errors).containsExactly("posts/broken.md: front-matter-invalid: not valid YAML",
                "layouts/page.html: template-error: bad layout");
        assertThat(counts).containsExactly(Map.entry("ERROR", 2), Map.entry("WARNING", 1));
    }
}
