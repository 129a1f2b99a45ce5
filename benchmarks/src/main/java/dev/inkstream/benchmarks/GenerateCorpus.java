package dev.inkstream.benchmarks;

import dev.inkstream.benchmarks.CorpusGenerator.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.jspecify.annotations.Nullable;

/**
 * Generates a benchmark corpus into a temporary directory and reports its size and how long
 * generating it took. It runs no part of the pipeline and prints no pipeline numbers; the
 * benchmark runner that drives the real pipeline against such a corpus comes with its issue.
 *
 * <p>Arguments: {@code --pages N} (default 1000) and {@code --seed S} (default 1). The corpus
 * directory is kept and printed, so it can be inspected or pushed to a running Inkstream.
 */
public final class GenerateCorpus {

    private static final int DEFAULT_PAGES = 1000;
    private static final long DEFAULT_SEED = 1;

    record Arguments(int pages, long seed) {

        static Arguments parse(String[] args) {
            int pages = DEFAULT_PAGES;
            long seed = DEFAULT_SEED;
            for (int i = 0; i < args.length; i++) {
                @Nullable String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--pages" -> pages = Integer.parseInt(required("--pages", value));
                    case "--seed" -> seed = Long.parseLong(required("--seed", value));
                    default -> throw new IllegalArgumentException(
                            "unknown argument " + args[i] + "; usage: GenerateCorpus [--pages N] [--seed S]");
                }
                i++;
            }
            return new Arguments(pages, seed);
        }

        private static String required(String option, @Nullable String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    public static void main(String[] args) throws IOException, GitAPIException {
        Arguments arguments = Arguments.parse(args);
        Path directory = Files.createTempDirectory("inkstream-corpus-");

        long start = System.nanoTime();
        Corpus corpus = CorpusGenerator.generate(directory, arguments.pages(), arguments.seed());
        long generationMillis = (System.nanoTime() - start) / 1_000_000;

        WorkingTreeSize size = WorkingTreeSize.of(directory);
        System.out.printf(Locale.ROOT, "corpus        %s%n", corpus.directory());
        System.out.printf(Locale.ROOT, "seed          %d%n", arguments.seed());
        System.out.printf(Locale.ROOT, "pages         %d (+ %d Chinese translations)%n", corpus.pages(), corpus.translations());
        System.out.printf(Locale.ROOT, "files         %d, %.1f MiB (Markdown %.1f MiB)%n",
                size.files(), size.bytes() / 1048576.0, size.markdownBytes() / 1048576.0);
        System.out.printf(Locale.ROOT, "head commit   %s%n", corpus.headCommit());
        System.out.printf(Locale.ROOT, "generated in  %d ms%n", generationMillis);
        System.out.println("publish it    ./inkstream publish --repo <corpus> --out <dir>");
    }

    /** The size of the checked-out files, {@code .git} excluded: what the pipeline has to ingest. */
    record WorkingTreeSize(long files, long bytes, long markdownBytes) {

        static WorkingTreeSize of(Path directory) throws IOException {
            long files = 0;
            long bytes = 0;
            long markdownBytes = 0;
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                    if (directory.relativize(path).startsWith(".git")) {
                        continue;
                    }
                    long fileBytes = Files.size(path);
                    files++;
                    bytes += fileBytes;
                    if (path.toString().endsWith(".md")) {
                        markdownBytes += fileBytes;
                    }
                }
            }
            return new WorkingTreeSize(files, bytes, markdownBytes);
        }
    }

    private GenerateCorpus() {}
}
