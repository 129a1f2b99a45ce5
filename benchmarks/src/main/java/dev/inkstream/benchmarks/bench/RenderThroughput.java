package dev.inkstream.benchmarks.bench;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.inkstream.benchmarks.bench.BenchResult.Throughput;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.document.DocumentRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Pages per second of raw flexmark (the ceiling) and of render's pure core on the same files,
 * on one thread and on every core. Each pass runs the whole corpus once to warm up and then
 * times one more pass, so the JIT has compiled the hot paths before anything is counted.
 */
final class RenderThroughput {

    private RenderThroughput() {}

    record Page(String path, String text) {}

    static List<Page> markdownPages(Path corpus) {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(f -> f.toString().endsWith(".md") && !corpus.relativize(f).startsWith(".git"))
                    .sorted()
                    .map(f -> new Page(corpus.relativize(f).toString().replace('\\', '/'), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** flexmark with its defaults: CommonMark, no extensions, what a bare static site generator would do. */
    static Throughput flexmark(List<Page> pages) {
        MutableDataSet options = new MutableDataSet();
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        return measure(pages, page -> renderer.render(parser.parse(page.text())));
    }

    static Throughput renderStage(List<Page> pages) {
        DocumentRenderer renderer = new DocumentRenderer();
        return measure(pages, page -> renderer.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "bench",
                "0".repeat(40), page.path(), "0".repeat(40), DocumentKind.MARKDOWN, page.text(), null, null, List.of())));
    }

    private static Throughput measure(List<Page> pages, Consumer<Page> work) {
        pages.forEach(work);
        double oneThread = pagesPerSecond(pages.size(), () -> pages.forEach(work));
        int cores = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(cores);
        try {
            pool.submit(() -> pages.parallelStream().forEach(work)).join();
            double allCores = pagesPerSecond(pages.size(), () -> pool.submit(() -> pages.parallelStream().forEach(work)).join());
            return new Throughput(oneThread, allCores, cores);
        } finally {
            pool.shutdown();
        }
    }

    private static double pagesPerSecond(int pages, Runnable pass) {
        long start = System.nanoTime();
        pass.run();
        return pages / ((System.nanoTime() - start) / 1e9);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
