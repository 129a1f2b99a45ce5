package dev.inkstream.standalone;

import dev.inkstream.events.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./inkstream}: the one-machine runtime's command line. */
@Command(name = "inkstream", mixinStandardHelpOptions = true, version = "Inkstream 0.1.0",
        description = "Publish git repositories of Markdown as websites, through Kafka and S3, on one machine.",
        subcommands = {InkstreamCli.Up.class, InkstreamCli.Publish.class, InkstreamCli.Check.class})
public final class InkstreamCli implements Callable<Integer> {

    static final String DEFAULT_DATA = ".inkstream";

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** A --repo value as a repository, or a usage error naming what is wrong with it. */
    static RepositorySpec repository(CommandSpec spec, String pathOrUrl, String branch) {
        try {
            return RepositorySpec.of(pathOrUrl, branch);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new InkstreamCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(exit);
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start Kafka, the S3 store, the three services and the edge server, and keep publishing "
                    + "every push until Ctrl-C.",
                    "With no --repo, creates a demo repository you can clone, edit and push."})
    static final class Up implements Callable<Integer> {
        @Option(names = "--repo", paramLabel = "PATH_OR_URL",
                description = "Content repository to publish (repeatable). Default: the demo repository.")
        List<String> repos = List.of();

        @Option(names = "--branch", description = "Branch to publish of every --repo (default: each repository's default branch).")
        String branch;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
                description = "Where the broker log, the bucket, mirrors and the demo repository live (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--port", defaultValue = "8080",
                description = "Port of the edge server readers use (default: ${DEFAULT-VALUE}); the webhook listens on the next one.")
        int port;

        @Option(names = "--title", defaultValue = "Inkstream", description = "Site title (default: ${DEFAULT-VALUE}).")
        String title;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<RepositorySpec> specs = repos.stream().map(r -> repository(spec, r, branch)).toList();
            long distinct = specs.stream().map(RepositorySpec::id).distinct().count();
            if (distinct < specs.size()) {
                throw new ParameterException(spec.commandLine(), "--repo: two repositories have the same name ("
                        + specs.stream().map(RepositorySpec::id).toList() + "); each is published under its name");
            }
            return new UpCommand(data, specs, port, title).run();
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publish a repository's branch head through the same pipeline, copy the published site "
                    + "to --out, print a summary and exit.",
                    "Run again on the same --data after new commits: only what changed is processed."})
    static final class Publish implements Callable<Integer> {
        @Option(names = "--repo", required = true, paramLabel = "PATH_OR_URL", description = "Content repository to publish.")
        String repo;

        @Option(names = "--ref", paramLabel = "BRANCH", description = "Branch to publish (default: the repository's default branch).")
        String ref;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
                description = "Where the broker log and the bucket live (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to copy the published site.")
        Path out;

        @Option(names = "--title", defaultValue = "Inkstream", description = "Site title (default: ${DEFAULT-VALUE}).")
        String title;

        @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for the release (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String branch = ref == null ? null : ref.replaceFirst("^refs/heads/", "");
            return new PublishCommand(data, repository(spec, repo, branch), out, title, timeoutSeconds).run();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a repository's translations (missing, stale, drifted, near-miss pairs) without publishing.",
                    "Prints one line per finding, path:line: severity code message; exit code 1 when a finding reaches --fail-on."})
    static final class Check implements Callable<Integer> {
        @Option(names = "--repo", defaultValue = ".", paramLabel = "PATH", description = "Local git repository (default: the current directory).")
        Path repo;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        CheckCommand.Format format;

        @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
                description = "Exit with 1 when a finding is at least this severe: error, warning or info (default: ${DEFAULT-VALUE}).")
        Diagnostic.Severity failOn;

        @Option(names = "--working-tree", description = "Check the files as they are on disk, not as committed (history still from HEAD).")
        boolean workingTree;

        @Override
        public Integer call() throws Exception {
            return new CheckCommand(repo, workingTree, format, failOn, System.out).run();
        }
    }
}
