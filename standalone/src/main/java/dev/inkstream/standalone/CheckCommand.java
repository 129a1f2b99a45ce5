package dev.inkstream.standalone;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.ingest.git.PushDiff;
import dev.inkstream.publish.translations.TranslationReport;
import dev.inkstream.render.document.DocumentRenderer;
import dev.inkstream.render.translation.RepositoryTranslations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@code inkstream check}: the translation checks of a local repository without Kafka or S3, for
 * a pre-commit hook or a CI job. Reads HEAD with its real history (as ingest would), optionally
 * with the working tree's uncommitted text, renders every page with render's pure renderer and
 * prints what the dashboard would show.
 */
final class CheckCommand {

    enum Format { TEXT, JSON }

    /** Text files larger than this are left out, as ingest leaves them out of the pipeline. */
    private static final long INLINE_LIMIT = 4 * 1024 * 1024;

    private final Path repoDir;
    private final boolean workingTree;
    private final Format format;
    private final Diagnostic.Severity failOn;
    private final PrintStream out;

    CheckCommand(Path repoDir, boolean workingTree, Format format, Diagnostic.Severity failOn, PrintStream out) {
        this.repoDir = repoDir;
        this.workingTree = workingTree;
        this.format = format;
        this.failOn = failOn;
        this.out = out;
    }

    /** 0 when no finding reaches {@code failOn}, 1 when one does, 2 when the repository cannot be read. */
    int run() throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(repoDir.toFile());
        if (builder.getGitDir() == null) {
            System.err.println("inkstream: " + repoDir + " is not inside a git repository");
            return 2;
        }
        String repoId = repoDir.toAbsolutePath().normalize().getFileName().toString();
        List<TranslationGroup> groups;
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                System.err.println("inkstream: " + repoDir + " has no commits yet");
                return 2;
            }
            List<SourceDocument> sources = PushDiff.compute(repository, repoId, "HEAD", Optional.empty(), head, INLINE_LIMIT,
                    "inkstream-check").documents();
            DocumentRenderer renderer = new DocumentRenderer();
            List<RenderedDocument> rendered = new ArrayList<>();
            for (SourceDocument source : sources) {
                rendered.add(renderer.render(workingTree ? withWorkingTreeText(repository, source) : source));
            }
            groups = RepositoryTranslations.checkAll(repoId, rendered);
        }
        TranslationReport report = TranslationReport.of(repoId, groups);
        if (format == Format.JSON) {
            out.println(EventJson.writeString(report));
        } else {
            printText(report);
        }
        boolean failed = groups.stream().flatMap(g -> g.findings().stream()).anyMatch(d -> d.atLeast(failOn));
        return failed ? 1 : 0;
    }

    /** The file as it is on disk now: an author checks before committing. */
    private static SourceDocument withWorkingTreeText(Repository repository, SourceDocument source) throws IOException {
        Path file = repository.getWorkTree().toPath().resolve(source.path());
        if (source.text() == null || !Files.isRegularFile(file)) {
            return source;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new SourceDocument(source.schemaVersion(), source.repo(), source.commit(), source.path(), source.blobId(),
                source.kind(), text, source.blobRef(), source.lastChange(), source.diagnostics(), source.history());
    }

    private void printText(TranslationReport report) {
        List<String[]> lines = new ArrayList<>();
        for (TranslationReport.Group group : report.groups()) {
            for (TranslationReport.Finding f : group.findings()) {
                String where = (f.path() == null ? group.key() : f.path()) + ":" + (f.line() == null ? "" : f.line() + ":");
                lines.add(new String[] {where, f.severity() + " " + f.code() + " " + f.message()
                        + (f.suggestion() == null ? "" : "\n    suggestion: " + f.suggestion())});
            }
        }
        lines.sort(Comparator.comparing((String[] l) -> l[0]));
        lines.forEach(l -> out.println(l[0] + " " + l[1]));
        long pairs = report.groups().stream().filter(g -> g.members().size() > 1).count();
        out.printf(Locale.ROOT, "%s: default language %s, convention %s, languages %s; %d groups, %d with translations, %d findings%n",
                report.repo(), report.defaultLanguage(), report.convention(), report.languages(), report.groups().size(), pairs,
                report.findingCount());
    }
}
