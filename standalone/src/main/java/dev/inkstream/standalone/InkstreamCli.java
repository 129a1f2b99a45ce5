package dev.inkstream.standalone;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.support.settings.InvalidSettingException;
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
        subcommands = {InkstreamCli.Up.class, InkstreamCli.Publish.class, InkstreamCli.Check.class,
                InkstreamCli.RollbackRelease.class, InkstreamCli.DeadLetters.class, InkstreamCli.Status.class})
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

    /**
     * A problem the user can fix (a guard's refusal) is one line naming it; anything else keeps
     * its stack trace, which is what a bug report needs.
     */
    private static int explain(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // A setting refused at a service's start, wrapped in Spring's binding exceptions.
            if (cause instanceof InvalidSettingException invalid) {
                commandLine.getErr().println("inkstream: " + invalid.getMessage());
                return 1;
            }
        }
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("inkstream: " + e.getMessage());
            return 1;
        }
        throw e;
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new InkstreamCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(InkstreamCli::explain).execute(args);
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
            if (port < 1 || port > 65534) {
                throw new ParameterException(spec.commandLine(), "--port: " + port
                        + " is not a port the edge can use with the webhook on the next one (1 to 65534)");
            }
            return new UpCommand(data, specs, port, title).run();
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publish a repository's branch head through the same pipeline, copy the published site "
                    + "to --out, print a summary and exit.",
                    "Run again on the same --data after new commits: only what changed is processed.",
                    "Exit 0 when live (or planned, with --dry-run), 1 on timeout, 2 for bad arguments, 3 when the release is held."})
    static final class Publish implements Callable<Integer> {
        @Option(names = "--repo", required = true, paramLabel = "PATH_OR_URL", description = "Content repository to publish.")
        String repo;

        @Option(names = "--ref", paramLabel = "BRANCH", description = "Branch to publish (default: the repository's default branch).")
        String ref;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
                description = "Where the broker log and the bucket live (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to copy the published site (required unless --dry-run).")
        Path out;

        @Option(names = "--dry-run", description = "Print the release's plan (uploads by role, unchanged, deletions) and write nothing.")
        boolean dryRun;

        @Option(names = "--confirm-deletes",
                description = "Deploy a release even if it deletes more than inkstream.publish.max-delete-share of the site.")
        boolean confirmDeletes;

        @Option(names = "--title", defaultValue = "Inkstream", description = "Site title (default: ${DEFAULT-VALUE}).")
        String title;

        @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for the release (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String branch = ref == null ? null : ref.replaceFirst("^refs/heads/", "");
            if (out == null && !dryRun) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR' (only --dry-run needs none)");
            }
            return new PublishCommand(data, repository(spec, repo, branch), out, title, timeoutSeconds, dryRun, confirmDeletes)
                    .run();
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = {"Make an earlier release current again, exactly (bytes and headers), from the bytes kept "
                    + "for each retained release.",
                    "Works on the bucket alone. The next push publishes over it; until then a replay of the rolled-back "
                    + "commit is held. Exit 2 when it cannot be done as asked (the message says why)."})
    static final class RollbackRelease implements Callable<Integer> {
        @Option(names = "--to", paramLabel = "RELEASE",
                description = "Release id (the commit) or an unambiguous prefix of one (default: the release before the live one).")
        String to;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
                description = "Where the bucket lives (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--site", paramLabel = "NAME",
                description = "A site published under its own name (the second and later --repo of up); default: the root site.")
        String site;

        @Option(names = "--list", description = "List the retained releases, newest first, and change nothing.")
        boolean list;

        @Override
        public Integer call() throws Exception {
            return new RollbackCommand(data, to, site, list).run();
        }
    }

    @Command(name = "dlt", mixinStandardHelpOptions = true,
            description = {"List the dead letters (records a service could not process, with why), and with --replay "
                    + "send them back to their topics once the cause is fixed.",
                    "Works beside a running ./inkstream up on the same --data, or alone."})
    static final class DeadLetters implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
                description = "The runtime's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--topic", paramLabel = "TOPIC",
                description = "Only this topic's dead letters, e.g. inkstream.source.v1 (repeatable; default: every topic).")
        List<String> topics = List.of();

        @Option(names = "--replay", description = "Send every dead letter not yet replayed back to its topic, once.")
        boolean replay;

        @Override
        public Integer call() {
            return new DeadLetterCommand(data, topics, replay, System.out).run();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Ask a running ./inkstream up what is live per site, how far behind each service is, "
                    + "and which dead letters wait (the edge's /_inkstream/status).")
    static final class Status implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "The edge port of the running runtime (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--json", description = "Print the status as JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return new StatusCommand(port, json, System.out).run();
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
