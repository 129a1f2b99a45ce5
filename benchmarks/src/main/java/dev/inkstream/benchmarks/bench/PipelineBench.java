package dev.inkstream.benchmarks.bench;

import dev.inkstream.benchmarks.CorpusGenerator;
import dev.inkstream.benchmarks.CorpusGenerator.Corpus;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.RepositorySpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the real pipeline (embedded Kafka, embedded S3 server, the three services, the edge)
 * the way an author would: a repository is pushed, and the clock stops when the edge serves
 * what was pushed. Nothing is timed inside the pipeline, so every stage and every upload is in
 * the number.
 */
final class PipelineBench {

    /** How often the edge is asked; small next to the latencies measured, cheap for a local server. */
    private static final Duration POLL = Duration.ofMillis(5);
    /**
     * The cold push is polled less often: until its first release every poll is a miss that
     * the edge looks up in the store three times (the object, the folder, the 404 page). At
     * 100 ms those were 2 % of the samples of the push being measured (JFR, 10,000 pages); a
     * cold publish of a minute or more needs no finer resolution than half a second.
     */
    private static final Duration COLD_POLL = Duration.ofMillis(500);
    private static final Duration COLD_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration EDIT_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern COMMIT = Pattern.compile("\"commit\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Run(Corpus corpus, long coldPublishMillis, Latencies edits, Latencies tagEdits, long peakHeapMiB, long peakRssMiB) {}

    Run run(Path work, int pages, int edits, long seed) throws Exception {
        Corpus corpus = CorpusGenerator.generate(work.resolve("corpus"), pages, seed);
        resetPeaks();
        RepositorySpec repo = RepositorySpec.of(corpus.directory().toString(), CorpusGenerator.BRANCH);
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(work.resolve("data"), List.of(repo), 0, 0,
                "Inkstream benchmark"))) {
            URI edge = runtime.edgeUri();
            long cold = pushAndWait(runtime, repo, corpus.headCommit(), edge, Optional.empty(), COLD_TIMEOUT, COLD_POLL);

            List<Long> editMillis = new ArrayList<>();
            List<Long> tagMillis = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                int page = (int) ((i * 7919L) % pages);
                URI pageUri = edge.resolve(pageUrl(CorpusGenerator.pagePath(corpus.directory(), page)));
                String before = get(pageUri);
                String head = CorpusGenerator.editPage(corpus.directory(), page, seed + i);
                editMillis.add(pushAndWait(runtime, repo, head, edge, Optional.of(new Changed(pageUri, before)), EDIT_TIMEOUT, POLL));
            }
            for (int i = 0; i < Math.max(1, edits / 4); i++) {
                int page = (int) ((i * 104729L + 13) % pages);
                URI pageUri = edge.resolve(pageUrl(CorpusGenerator.pagePath(corpus.directory(), page)));
                String before = get(pageUri);
                String head = CorpusGenerator.editTags(corpus.directory(), page, List.of("bench-retag-" + i, "latency"));
                tagMillis.add(pushAndWait(runtime, repo, head, edge, Optional.of(new Changed(pageUri, before)), EDIT_TIMEOUT, POLL));
            }
            return new Run(corpus, cold, new Latencies(editMillis), new Latencies(tagMillis), peakHeapMiB(), peakRssMiB());
        }
    }

    /** A page that must serve different bytes than before for an edit to count as live. */
    private record Changed(URI uri, String before) {}

    /**
     * Sends the push webhook and waits until the edge's release manifest names {@code head} and,
     * for an edit, the edited page serves new bytes: the release manifest is written last, so
     * both together mean the reader sees the whole push.
     */
    private long pushAndWait(LocalRuntime runtime, RepositorySpec repo, String head, URI edge, Optional<Changed> page,
                             Duration timeout, Duration poll) throws Exception {
        long start = System.nanoTime();
        int status = runtime.announce(repo, head);
        if (status != 202) {
            throw new IllegalStateException("ingest answered " + status + " to the push of " + head);
        }
        URI current = edge.resolve("/_inkstream/current.json");
        long deadline = start + timeout.toNanos();
        boolean released = false;
        boolean served = page.isEmpty();
        while (!(released && served)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("push of " + head + " not live after " + timeout.toSeconds() + " s");
            }
            if (!released) {
                released = releaseNames(current, head);
            }
            if (released && !served) {
                served = !get(page.get().uri()).equals(page.get().before());
            }
            if (!(released && served)) {
                Thread.sleep(poll);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The ETag of the last {@code current.json} read, so polling it costs a 304 until it changes. */
    private String currentETag = "";

    /**
     * Whether the release manifest names {@code head}. The manifest of a large site is megabytes
     * and is polled every few milliseconds, so it is asked for conditionally: reading it whole on
     * every poll would load the machine whose latency is being measured.
     */
    private boolean releaseNames(URI current, String head) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(current).GET();
        if (!currentETag.isEmpty()) {
            request.header("If-None-Match", currentETag);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        currentETag = response.headers().firstValue("ETag").orElse("");
        Matcher commit = COMMIT.matcher(response.body());
        return commit.find() && commit.group(1).equals(head);
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    /** {@code posts/2024-01-02/x.md} is published at {@code /posts/2024-01-02/x/}. */
    static String pageUrl(String path) {
        return "/" + path.substring(0, path.length() - ".md".length()) + "/";
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeapMiB() {
        LongSupplier sum = () -> ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return sum.getAsLong() / (1024 * 1024);
    }

    /** VmHWM of this process, where /proc exists (Linux); 0 elsewhere. */
    private static long peakRssMiB() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
    }
}
