package dev.inkstream.render.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SourceDocument;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.render.document.DocumentRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One naming convention per folder of {@code translation-golden/}: its {@code repo/} is rendered
 * by the real renderer and checked; {@code expected.txt} is the table of groups a careful reader
 * would write for it. Run with {@code -Dgolden.update=true} to rewrite the tables (then read the diff).
 */
class GoldenTranslationsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/translation-golden");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void groupsAsTheGoldenTableSays(Path folder) throws IOException {
        Path repo = folder.resolve("repo");
        DocumentRenderer renderer = new DocumentRenderer();
        List<RenderedDocument> rendered;
        try (Stream<Path> files = Files.walk(repo)) {
            rendered = files.filter(Files::isRegularFile).sorted().map(file -> {
                String path = repo.relativize(file).toString().replace('\\', '/');
                try {
                    return renderer.render(new SourceDocument(SourceDocument.SCHEMA_VERSION, "golden", "c1", path, "b1",
                            DocumentKind.MARKDOWN, Files.readString(file, StandardCharsets.UTF_8), null, null, List.of()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        String actual = table(rendered, RepositoryTranslations.checkAll("golden", rendered));

        Path expected = folder.resolve("expected.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    /** The groups as a reader checks them: members, status, findings; then every page's URL and language diagnostics. */
    static String table(List<RenderedDocument> rendered, List<TranslationGroup> groups) {
        StringBuilder out = new StringBuilder();
        TranslationGroup first = groups.getFirst();
        out.append("default ").append(first.defaultLanguage()).append(", convention ").append(first.convention()).append("\n\n");
        for (TranslationGroup group : groups) {
            out.append(group.translationKey()).append('\n');
            new TreeMap<>(group.membersByLanguage()).forEach((language, path) -> out.append("  ").append(language).append(' ')
                    .append(group.statusByLanguage().get(language)).append(' ').append(path).append('\n'));
            new TreeMap<>(group.statusByLanguage()).forEach((language, status) -> {
                if (!group.membersByLanguage().containsKey(language)) {
                    out.append("  ").append(language).append(' ').append(status).append('\n');
                }
            });
            for (Diagnostic d : group.findings()) {
                out.append("  ! ").append(d.severity().name().toLowerCase()).append(' ').append(d.code()).append(' ')
                        .append(d.path()).append(": ").append(d.message())
                        .append(d.suggestion() == null ? "" : " => " + d.suggestion()).append('\n');
            }
        }
        out.append("\nurls\n");
        out.append(rendered.stream().map(d -> "  " + d.path() + " -> " + d.url()
                        + d.diagnostics().stream().filter(x -> x.code().equals("unknown-language"))
                        .map(x -> "  (" + x.severity().name().toLowerCase() + " unknown-language)").collect(Collectors.joining()))
                .collect(Collectors.joining("\n"))).append('\n');
        return out.toString();
    }
}
