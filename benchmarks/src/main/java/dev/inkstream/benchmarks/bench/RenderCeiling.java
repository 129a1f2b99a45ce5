package dev.inkstream.benchmarks.bench;

import dev.inkstream.benchmarks.RenderThroughput;
import dev.inkstream.benchmarks.RenderThroughput.Round;
import dev.inkstream.benchmarks.bench.BenchResult.Throughput;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.document.DocumentRenderer;
import java.util.List;

/**
 * Raw flexmark (the ceiling: CommonMark, no extensions, no sanitising) against render's pure
 * core on the same files, one thread and every core, each after a warm-up pass so the JIT has
 * compiled the hot paths before anything is counted. Both run through {@link RenderThroughput}.
 */
final class RenderCeiling {

    private RenderCeiling() {}

    static Throughput flexmark(List<SourceDocument> sources) throws Exception {
        var flexmark = RenderThroughput.flexmarkCeiling();
        return measure(threads -> RenderThroughput.round(flexmark, sources, threads));
    }

    static Throughput renderStage(List<SourceDocument> sources) throws Exception {
        DocumentRenderer renderer = new DocumentRenderer();
        return measure(threads -> RenderThroughput.round(renderer, sources, threads));
    }

    private interface Work {
        Round round(int threads) throws Exception;
    }

    private static Throughput measure(Work work) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        work.round(cores);
        double one = work.round(1).pagesPerSecond();
        double all = work.round(cores).pagesPerSecond();
        return new Throughput(one, all, cores);
    }
}
