package dev.inkstream.benchmarks.bench;

import dev.inkstream.benchmarks.CorpusGenerator;
import dev.inkstream.benchmarks.bench.BenchResult.HugoResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Hugo on the same corpus, for the side-by-side numbers: a clean build into an empty
 * directory, then one edit and a full rebuild (Hugo's CLI has no incremental build; its watch
 * mode is a long-running process and is not what a CI pipeline runs). The corpus is used as
 * Hugo's content directory in place, with minimal layouts that still render every page, its
 * list pages and taxonomies, so Hugo does comparable work and nothing is copied.
 */
final class Hugo {

    private static final String CONFIG = """
            baseURL = "https://bench.example.org/"
            title = "Inkstream benchmark"
            disableKinds = []
            [markup.goldmark.renderer]
              unsafe = false
            [taxonomies]
              tag = "tags"
              category = "categories"
            """;
    private static final String BASEOF = """
            <!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
            <title>{{ .Title }} · {{ .Site.Title }}</title></head>
            <body><main>{{ block "main" . }}{{ end }}</main></body></html>
            """;
    private static final String SINGLE = """
            {{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>
            {{ .TableOfContents }}{{ .Content }}<ul>{{ range .GetTerms "tags" }}<li>{{ .LinkTitle }}</li>{{ end }}</ul></article>{{ end }}
            """;
    private static final String LIST = """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
            """;

    private Hugo() {}

    /** Hugo's version line, if {@code hugo} is on the PATH. */
    static Optional<String> version() {
        try {
            Process process = new ProcessBuilder("hugo", "version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static HugoResult build(String version, Path corpus, Path work, int editPage) throws Exception {
        Path site = Files.createDirectories(work.resolve("hugo-site"));
        Files.writeString(site.resolve("hugo.toml"), CONFIG);
        Path layouts = Files.createDirectories(site.resolve("layouts/_default"));
        Files.writeString(layouts.resolve("baseof.html"), BASEOF);
        Files.writeString(layouts.resolve("single.html"), SINGLE);
        Files.writeString(layouts.resolve("list.html"), LIST);

        long clean = run(site, corpus, work.resolve("hugo-public-1"));
        CorpusGenerator.editPage(corpus, editPage, 4242);
        long rebuild = run(site, corpus, work.resolve("hugo-public-2"));
        return new HugoResult(version, clean, rebuild);
    }

    private static long run(Path site, Path content, Path destination) throws IOException, InterruptedException {
        List<String> command = List.of("hugo", "--quiet", "--source", site.toString(), "--contentDir", content.toString(),
                "--destination", destination.toString(), "--cleanDestinationDir");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("hugo failed: " + out);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
