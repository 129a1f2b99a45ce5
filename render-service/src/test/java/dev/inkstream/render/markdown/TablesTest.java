package dev.inkstream.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One table pre-processor serves every document of a renderer, on every thread. */
class TablesTest {

    private static final String TABLES = """
            | Stage | p50 (ms) | p99 |
            |:------|------:|:---:|
            | ingest | 89 | 1064 |
            | publish | 207 |

            text | not a table

            | only |
            |------|
            | one | two |
            """;

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void alignmentsMissingAndExtraColumnsAsGfm() {
        assertThat(renderer.render(TABLES).html()).contains(
                "<th align=\"left\">Stage</th>", "<th align=\"right\">p50 (ms)</th>", "<th align=\"center\">p99</th>",
                "<td align=\"right\">207</td><td align=\"center\"></td></tr>", "<p>text | not a table</p>",
                "<tr><td>one</td></tr>");
        assertThat(renderer.render(TABLES).structure().tables()).containsExactly(3, 1);
    }

    @Test
    void documentsRenderedAtOnceOnManyThreadsComeOutAsOneAtATime() throws Exception {
        List<String> documents = List.of(TABLES, "# No table\n\nplain | text\n", TABLES.replace("ingest", "render"));
        List<String> alone = documents.stream().map(d -> renderer.render(d).html()).toList();
        MarkdownRenderer shared = new MarkdownRenderer();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> rendered = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String document = documents.get(i % documents.size());
                rendered.add(pool.submit(() -> shared.render(document).html()));
            }
            for (int i = 0; i < rendered.size(); i++) {
                assertThat(rendered.get(i).get()).isEqualTo(alone.get(i % documents.size()));
            }
        }
    }
}
