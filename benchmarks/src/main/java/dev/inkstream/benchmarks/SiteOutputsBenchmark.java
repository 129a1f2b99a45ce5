package dev.inkstream.benchmarks;

import dev.inkstream.events.CommitInfo;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.publish.output.SiteOutputs;
import dev.inkstream.render.document.DocumentRenderer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How much of a release publish's core redoes after a one-file edit: renders a generated corpus
 * with render's pure core, then times {@link SiteOutputs#outputs} cold, again unchanged, and after
 * one post is edited, and counts the page templates rendered and the objects whose bytes changed.
 * Reports numbers; asserts nothing.
 *
 * <pre>./mvnw -q -pl benchmarks -am compile exec:java -Dexec.mainClass=dev.inkstream.benchmarks.SiteOutputsBenchmark -Dexec.args="1000"</pre>
 * or run {@code main} from the IDE. Arguments: pages (default 1000), seed (default 7), and how
 * many more one-post edits to time one after the other (default 0; with a profiler attached,
 * a few hundred show where an edit's release spends its time).
 */
public final class SiteOutputsBenchmark {

    private static final Instant COMMITTED = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path directory = Files.createTempDirectory("inkstream-site-bench");
        CorpusGenerator.Corpus corpus = CorpusGenerator.generate(directory, pages, seed);
        DocumentRenderer renderer = new DocumentRenderer();
        Map<String, RenderedDocument> documents = new HashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = directory.relativize(file).toString().replace(File.separatorChar, '/');
                if (!path.startsWith(".git/")) {
                    documents.put(path, render(renderer, directory, path));
                }
            }
        }
        long pageCount = documents.values().stream().filter(d -> d.kind().isPage()).count();
        System.out.printf("corpus: %d posts, %d translations, %d page documents, %d files%n",
                corpus.pages(), corpus.translations(), pageCount, documents.size());

        SiteOutputs outputs = new SiteOutputs();
        for (int warmup = 0; warmup < 2; warmup++) {
            new SiteOutputs().outputs(site(documents));
        }
        long start = System.nanoTime();
        List<OutputObject> cold = outputs.outputs(site(documents));
        report("cold (every page rendered)", start, outputs, cold.size(), -1);

        start = System.nanoTime();
        List<OutputObject> unchanged = outputs.outputs(site(documents));
        report("same documents again", start, outputs, unchanged.size(), changed(cold, unchanged));

        String edited = CorpusGenerator.pagePath(directory, pages / 2);
        CorpusGenerator.editPage(directory, pages / 2, seed + 1);
        documents.put(edited, render(renderer, directory, edited));
        start = System.nanoTime();
        List<OutputObject> afterEdit = outputs.outputs(site(documents));
        report("after editing " + edited, start, outputs, afterEdit.size(), changed(unchanged, afterEdit));

        // The newest post, retagged: it sits on the first list pages and in the feeds, so those change too.
        String newest = CorpusGenerator.pagePath(directory, pages - 1);
        CorpusGenerator.editTags(directory, pages - 1, List.of("benchmark-retag"));
        documents.put(newest, render(renderer, directory, newest));
        start = System.nanoTime();
        List<OutputObject> afterRetag = outputs.outputs(site(documents));
        report("after retagging the newest post", start, outputs, afterRetag.size(), changed(afterEdit, afterRetag));

        if (edits > 0) {
            long[] millis = new long[edits];
            for (int i = 0; i < edits; i++) {
                int post = (pages / 3 + 7 * i) % pages;
                String path = CorpusGenerator.pagePath(directory, post);
                CorpusGenerator.editPage(directory, post, seed + 2 + i);
                documents.put(path, render(renderer, directory, path));
                start = System.nanoTime();
                outputs.outputs(site(documents));
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("%d more edits: p50 %d ms, p95 %d ms, max %d ms%n", edits, millis[edits / 2],
                    millis[Math.min(edits - 1, edits * 95 / 100)], millis[edits - 1]);
        }

        SiteOutputs fresh = new SiteOutputs();
        start = System.nanoTime();
        fresh.outputs(site(documents));
        report("the same site without the caches", start, fresh, afterRetag.size(), -1);
    }

    private static SiteOutputs.Site site(Map<String, RenderedDocument> documents) {
        return new SiteOutputs.Site("Benchmark", documents, "public, max-age=60");
    }

    /**
     * Rendered as render-service would; {@code _zh} files get the language and translation key
     * that the translation checks infer from the suffix (the corpus's front matter has neither).
     */
    private static RenderedDocument render(DocumentRenderer renderer, Path directory, String path) throws Exception {
        DocumentKind kind = path.endsWith(".md") ? DocumentKind.MARKDOWN : DocumentKind.ASSET;
        String text = kind == DocumentKind.ASSET ? null : Files.readString(directory.resolve(path), StandardCharsets.UTF_8);
        var source = new SourceDocument(SourceDocument.SCHEMA_VERSION, "bench", "c1", path, Integer.toHexString(path.hashCode()),
                kind, text, kind == DocumentKind.ASSET ? "_inkstream/blobs/" + Integer.toHexString(path.hashCode()) : null,
                new CommitInfo("c1", COMMITTED, "Bench", "corpus"), List.of());
        RenderedDocument d = renderer.render(source);
        if (!path.startsWith("posts/") || !path.endsWith(".md")) {
            return d;
        }
        boolean chinese = path.endsWith("_zh.md");
        String key = chinese ? path.replace("_zh.md", ".md") : path;
        return new RenderedDocument(d.schemaVersion(), d.repo(), d.commit(), d.path(), d.kind(), d.url(), d.title(), d.html(),
                d.date(), d.lastmod(), chinese ? "zh" : "en", key, d.tags(), d.summary(), d.toc(), d.links(),
                d.fingerprint(), d.draft(), d.params(), d.diagnostics(), d.blobRef(), d.aliases(), d.structure(),
                d.history(), d.siteConfig());
    }

    private static long changed(List<OutputObject> before, List<OutputObject> after) {
        Map<String, String> old = before.stream().collect(Collectors.toMap(OutputObject::key, OutputObject::sha256));
        return after.stream().filter(o -> !o.sha256().equals(old.get(o.key()))).count();
    }

    private static void report(String what, long start, SiteOutputs outputs, int objects, long changed) {
        System.out.printf("%-45s %7.1f ms  %5d page templates rendered  %6d objects%s%n", what,
                (System.nanoTime() - start) / 1e6, outputs.pagesRenderedLastTime(), objects,
                changed < 0 ? "" : String.format("  %5d changed", changed));
    }

    private SiteOutputsBenchmark() {}
}
