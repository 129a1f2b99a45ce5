package dev.inkstream.benchmarks.bench;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code inkstream bench} run measured, as written to {@code benchmarks/results/}.
 *
 * @param machine what it ran on (cores, memory, JVM), since numbers mean nothing without it
 * @param sizes   one entry per corpus size
 */
public record BenchResult(String date, String machine, List<SizeResult> sizes) {

    /**
     * @param pages              posts generated (translations come on top)
     * @param files              Markdown files in the corpus
     * @param coldPublishMillis  from the first webhook until the edge serves the release of the head commit
     * @param pagesPerSecond     Markdown files published per second of the cold publish
     * @param edits              push-to-live of single-file body edits
     * @param tagEdits           push-to-live of single-file tag edits (aggregates change too)
     * @param peakHeapMiB        peak of the heap pools of the whole standalone process
     * @param peakRssMiB         peak resident memory of the process (VmHWM)
     * @param flexmarkPagesPerSecond     raw flexmark parse+render, one thread and all cores
     * @param renderStagePagesPerSecond  render's pure core (front matter, Markdown, sanitising), one thread and all cores
     * @param hugo               Hugo on the same corpus, when asked for and installed
     */
    public record SizeResult(int pages, int files, long coldPublishMillis, double pagesPerSecond,
                             Latencies edits, Latencies tagEdits, long peakHeapMiB, long peakRssMiB,
                             Throughput flexmarkPagesPerSecond, Throughput renderStagePagesPerSecond,
                             @Nullable HugoResult hugo) {}

    public record Throughput(double oneThread, double allCores, int cores) {}

    /** Hugo's clean build and its full rebuild after one edit (its CLI has no incremental build). */
    public record HugoResult(String version, long cleanBuildMillis, long rebuildAfterEditMillis) {}
}
