package dev.inkstream.benchmarks.bench;

import dev.inkstream.benchmarks.RenderThroughput;
import dev.inkstream.benchmarks.bench.BenchResult.HugoResult;
import dev.inkstream.benchmarks.bench.BenchResult.SizeResult;
import dev.inkstream.benchmarks.bench.BenchResult.Throughput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./inkstream bench}: generates a corpus per size, publishes it through the real
 * pipeline, times single-file edits from webhook to edge, measures render throughput on the
 * same pages and, when asked and installed, Hugo on the same corpus; writes the results as
 * JSON and a Markdown table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure cold publish, push-to-live latency, memory and render throughput on generated sites.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--pages", split = ",", defaultValue = "1000,10000",
            description = "Posts per generated site, comma-separated (default: ${DEFAULT-VALUE}); about a third get a Chinese translation.")
    List<Integer> pages = List.of();

    @Option(names = "--edits", defaultValue = "20",
            description = "Single-file body edits timed per size (default: ${DEFAULT-VALUE}); a quarter as many tag edits follow.")
    int edits;

    @Option(names = "--compare-hugo", description = "Also build each corpus with Hugo (must be on the PATH) and print the ratios.")
    boolean compareHugo;

    @Option(names = "--seed", defaultValue = "1", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--results", defaultValue = "benchmarks/results", paramLabel = "DIR",
            description = "Where to write <date>.json and <date>.md (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch directory (default: a new temporary one, deleted after).")
    @Nullable Path work;

    @Override
    public Integer call() throws Exception {
        Optional<String> hugoVersion = compareHugo ? Hugo.version() : Optional.empty();
        if (compareHugo && hugoVersion.isEmpty()) {
            System.err.println("bench: --compare-hugo needs hugo on the PATH (Debian: apt-get install hugo); skipping Hugo.");
        }
        List<SizeResult> sizes = new ArrayList<>();
        for (int size : pages) {
            Path dir = work != null ? Files.createDirectories(work.resolve("pages-" + size))
                    : Files.createTempDirectory("inkstream-bench-" + size + "-");
            System.out.printf(Locale.ROOT, "bench: %,d pages in %s%n", size, dir);
            PipelineBench.Run run = new PipelineBench().run(dir, size, edits, seed);
            var markdown = RenderThroughput.sources(run.corpus().directory());
            Throughput flexmark = RenderCeiling.flexmark(markdown);
            Throughput render = RenderCeiling.renderStage(markdown);
            @Nullable HugoResult hugo = hugoVersion.isPresent()
                    ? Hugo.build(hugoVersion.get(), run.corpus().directory(), dir, 0) : null;
            SizeResult result = new SizeResult(size, markdown.size(), run.coldPublishMillis(),
                    markdown.size() / (run.coldPublishMillis() / 1000.0), run.edits(), run.tagEdits(),
                    run.peakHeapMiB(), run.peakRssMiB(), flexmark, render, hugo);
            sizes.add(result);
            System.out.println(BenchReport.table(List.of(result)));
            if (work == null) {
                RenderThroughput.deleteTree(dir);
            }
        }
        BenchResult result = new BenchResult(LocalDate.now(ZoneOffset.UTC).toString(), BenchReport.machine(), sizes);
        Files.createDirectories(results);
        Path json = results.resolve(result.date() + ".json");
        Path table = results.resolve(result.date() + ".md");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(json.toFile(), result);
        Files.writeString(table, BenchReport.markdown(result));
        System.out.println(BenchReport.markdown(result));
        System.out.println("bench: wrote " + json + " and " + table);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
