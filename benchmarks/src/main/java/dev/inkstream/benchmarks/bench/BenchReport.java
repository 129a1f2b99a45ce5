package dev.inkstream.benchmarks.bench;

import dev.inkstream.benchmarks.bench.BenchResult.SizeResult;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** The Markdown table of a bench run: the one the README shows. */
final class BenchReport {

    private BenchReport() {}

    static String machine() {
        long memoryGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024L * 1024 * 1024);
        return String.format(Locale.ROOT, "%d cores, %d GiB, %s %s, Java %s, max heap %d MiB",
                Runtime.getRuntime().availableProcessors(), memoryGiB, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    static String markdown(BenchResult result) {
        return "Inkstream bench, " + result.date() + ", " + result.machine() + "\n\n" + table(result.sizes());
    }

    static String table(List<SizeResult> sizes) {
        StringBuilder out = new StringBuilder();
        out.append("| pages (md files) | cold publish | files/s | edit p50 / p95 / max | tag edit p50 / p95 / max "
                + "| peak heap / RSS | flexmark pages/s 1 / all | render pages/s 1 / all (% of flexmark) | Hugo clean / rebuild (Inkstream cold ÷ Hugo clean) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (SizeResult s : sizes) {
            String hugo = s.hugo() == null ? "not run"
                    : String.format(Locale.ROOT, "%.1f s / %.1f s (%.2f×)", s.hugo().cleanBuildMillis() / 1000.0,
                    s.hugo().rebuildAfterEditMillis() / 1000.0, (double) s.coldPublishMillis() / s.hugo().cleanBuildMillis());
            out.append(String.format(Locale.ROOT,
                    "| %,d (%,d) | %.1f s | %.0f | %d / %d / %d ms | %d / %d / %d ms | %d / %d MiB | %.0f / %.0f | %.0f / %.0f (%.0f%%) | %s |%n",
                    s.pages(), s.files(), s.coldPublishMillis() / 1000.0, s.pagesPerSecond(),
                    s.edits().p50(), s.edits().p95(), s.edits().max(),
                    s.tagEdits().p50(), s.tagEdits().p95(), s.tagEdits().max(),
                    s.peakHeapMiB(), s.peakRssMiB(),
                    s.flexmarkPagesPerSecond().oneThread(), s.flexmarkPagesPerSecond().allCores(),
                    s.renderStagePagesPerSecond().oneThread(), s.renderStagePagesPerSecond().allCores(),
                    100 * s.renderStagePagesPerSecond().oneThread() / s.flexmarkPagesPerSecond().oneThread(), hugo));
        }
        return out.toString();
    }
}
