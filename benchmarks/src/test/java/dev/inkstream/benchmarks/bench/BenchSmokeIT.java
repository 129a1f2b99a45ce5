package dev.inkstream.benchmarks.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the harness working: a tiny site through the real pipeline, two edits and one retag
 * that must each go live. It asserts what was measured exists, never how fast it was.
 */
class BenchSmokeIT {

    @Test
    void benchPublishesEditsAndWritesItsResults(@TempDir Path work) throws Exception {
        Path results = work.resolve("results");

        int exit = new CommandLine(new BenchCommand()).execute("--pages", "30", "--edits", "2",
                "--results", results.toString(), "--work", work.resolve("scratch").toString());

        assertThat(exit).isZero();
        Path json;
        try (var files = Files.list(results)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode size = JsonMapper.builder().build().readTree(json.toFile()).get("sizes").get(0);
        assertThat(size.get("pages").asInt()).isEqualTo(30);
        assertThat(size.get("files").asInt()).isGreaterThan(30);
        assertThat(size.get("coldPublishMillis").asLong()).isPositive();
        assertThat(size.get("edits").get("millis")).hasSize(2);
        assertThat(size.get("tagEdits").get("millis")).hasSize(1);
        assertThat(size.get("flexmarkPagesPerSecond").get("oneThread").asDouble()).isPositive();
        assertThat(Files.readString(json.resolveSibling(json.getFileName().toString().replace(".json", ".md"))))
                .contains("| 30 (");
    }
}
