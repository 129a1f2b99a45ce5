package dev.inkstream.benchmarks;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.document.DocumentRenderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.jspecify.annotations.Nullable;

/**
 * How many pages per second the render stage's pure core turns into sanitised HTML: front
 * matter, Markdown, link rewriting, structure, sanitising, on generated realistic pages
 * ({@link CorpusGenerator}), with no Kafka around it. Once on one thread, once on all cores.
 * Each round of the render stage is paired with a round of raw flexmark (CommonMark, no
 * extensions, no sanitising: the ceiling) on the same pages, taken right before it, so the ratio
 * compares the two under the same load on a shared machine.
 *
 * <p>Arguments: {@code --pages N} (default 1000), {@code --seed S} (default 1),
 * {@code --rounds R} timed rounds per mode after one warm-up round (default 5), and
 * {@code --threads T} for the parallel mode (default: available processors). Prints the median
 * round; every round is printed too, so noise on a shared machine is visible.
 */
public final class RenderThroughput {

    /**
     * One timed round: how many pages were rendered in how long, and how many had errors. Also
     * the CPU time the whole process spent meanwhile (GC included): on a machine shared with
     * other work, wall-clock rates swing with its load, CPU time per page much less.
     */
    public record Round(int pages, long nanos, long bytes, int withErrors, long cpuNanos) {

        public double pagesPerSecond() {
            return pages / (nanos / 1e9);
        }

        /** Pages per second of CPU time, all threads of the process together. */
        public double pagesPerCpuSecond() {
            return pages / (cpuNanos / 1e9);
        }

        public double megabytesPerSecond() {
            return bytes / 1048576.0 / (nanos / 1e9);
        }
    }

    record Arguments(int pages, long seed, int rounds, int threads) {

        static Arguments parse(String[] args) {
            int pages = 1000;
            long seed = 1;
            int rounds = 5;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i += 2) {
                @Nullable String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--pages" -> pages = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: RenderThroughput [--pages N] [--seed S] [--rounds R] [--threads T]");
                }
            }
            if (pages < 1 || rounds < 1 || threads < 1) {
                throw new IllegalArgumentException("--pages, --rounds and --threads must be at least 1");
            }
            return new Arguments(pages, seed, rounds, threads);
        }
    }

    /** Every Markdown file of a working tree ({@code .git} excluded) as ingest would send it. */
    public static List<SourceDocument> sources(Path directory) throws IOException {
        List<SourceDocument> sources = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                String path = directory.relativize(file).toString().replace('\\', '/');
                if (path.startsWith(".git/") || !path.endsWith(".md")) {
                    continue;
                }
                sources.add(new SourceDocument(SourceDocument.SCHEMA_VERSION, "bench", "head", path, "blob",
                        DocumentKind.MARKDOWN, Files.readString(file, StandardCharsets.UTF_8), null, null, List.of()));
            }
        }
        return sources;
    }

    /**
     * Raw flexmark parse+render with default options, the ceiling the render stage is measured
     * against; it answers {@code false} (no errors) for every page.
     */
    public static Predicate<SourceDocument> flexmarkCeiling() {
        MutableDataSet options = new MutableDataSet();
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        return source -> renderer.render(parser.parse(source.text())).isEmpty();
    }

    /** Renders every source once, spread over {@code threads} threads, and times it. */
    public static Round round(DocumentRenderer renderer, List<SourceDocument> sources, int threads)
            throws InterruptedException, ExecutionException {
        return round(source -> renderer.render(source).hasErrors(), sources, threads);
    }

    /**
     * Runs {@code renderFails} on every source once, spread over {@code threads} threads, and
     * times it; it answers whether the page came out with errors.
     */
    public static Round round(Predicate<SourceDocument> renderFails, List<SourceDocument> sources,
                              int threads) throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger withErrors = new AtomicInteger();
        long bytes = sources.stream().mapToLong(s -> s.text() == null ? 0 : s.text().getBytes(StandardCharsets.UTF_8).length).sum();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < sources.size(); i = next.getAndIncrement()) {
                        if (renderFails.test(sources.get(i))) {
                            withErrors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long nanos = System.nanoTime() - start;
            return new Round(sources.size(), nanos, bytes, withErrors.get(), processCpuNanos() - cpuStart);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        Path directory = Files.createTempDirectory("inkstream-render-bench-");
        try {
            CorpusGenerator.generate(directory, arguments.pages(), arguments.seed());
            List<SourceDocument> sources = sources(directory);
            DocumentRenderer renderer = new DocumentRenderer();
            Predicate<SourceDocument> render = source -> renderer.render(source).hasErrors();
            Predicate<SourceDocument> flexmark = flexmarkCeiling();
            System.out.printf(Locale.ROOT, "render throughput: %d Markdown files (%d posts, seed %d), %d rounds, %d cores%n",
                    sources.size(), arguments.pages(), arguments.seed(), arguments.rounds(),
                    Runtime.getRuntime().availableProcessors());
            round(flexmark, sources, arguments.threads());
            round(render, sources, arguments.threads());
            measure("single thread", render, flexmark, sources, 1, arguments.rounds());
            measure(arguments.threads() + " threads", render, flexmark, sources, arguments.threads(), arguments.rounds());
        } finally {
            deleteTree(directory);
        }
    }

    private static void measure(String mode, Predicate<SourceDocument> render, Predicate<SourceDocument> flexmark,
                                List<SourceDocument> sources, int threads, int rounds)
            throws InterruptedException, ExecutionException {
        List<Round> rendered = new ArrayList<>();
        List<Round> ceiling = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            ceiling.add(round(flexmark, sources, threads));
            rendered.add(round(render, sources, threads));
            ratios.add(rendered.getLast().pagesPerSecond() / ceiling.getLast().pagesPerSecond());
            cpuRatios.add(rendered.getLast().pagesPerCpuSecond() / ceiling.getLast().pagesPerCpuSecond());
        }
        Round median = median(rendered);
        System.out.printf(Locale.ROOT, "%-14s %8.0f pages/s  %6.1f MiB/s  (median of %s pages/s; %d pages with errors)%n",
                mode, median.pagesPerSecond(), median.megabytesPerSecond(), perSecond(rendered), median.withErrors());
        System.out.printf(Locale.ROOT, "%-14s %8.0f pages/s  flexmark ceiling (median of %s pages/s)%n",
                "", median(ceiling).pagesPerSecond(), perSecond(ceiling));
        System.out.printf(Locale.ROOT, "%-14s %8.0f %%        of flexmark (median of each round's ratio %s %%)%n",
                "", 100 * medianOf(ratios),
                Arrays.toString(ratios.stream().mapToLong(ratio -> Math.round(100 * ratio)).toArray()));
        System.out.printf(Locale.ROOT, "%-14s %8.0f %%        of flexmark in pages per CPU second (render %.0f, flexmark %.0f; rounds %s %%)%n",
                "", 100 * medianOf(cpuRatios), medianOf(rendered.stream().map(Round::pagesPerCpuSecond).toList()),
                medianOf(ceiling.stream().map(Round::pagesPerCpuSecond).toList()),
                Arrays.toString(cpuRatios.stream().mapToLong(ratio -> Math.round(100 * ratio)).toArray()));
    }

    private static double medianOf(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static Round median(List<Round> rounds) {
        return rounds.stream().sorted(Comparator.comparingLong(Round::nanos)).toList().get(rounds.size() / 2);
    }

    private static String perSecond(List<Round> rounds) {
        return Arrays.toString(rounds.stream().mapToLong(m -> Math.round(m.pagesPerSecond())).toArray());
    }

    /** Deletes {@code directory} and everything below it. */
    public static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private RenderThroughput() {}
}
