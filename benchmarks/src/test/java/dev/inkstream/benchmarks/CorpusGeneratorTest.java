package dev.inkstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.benchmarks.CorpusGenerator.Corpus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class CorpusGeneratorTest {

    private static final int PAGES = 300;
    /** Markdown links and images whose target has no scheme, i.e. point into the repository. */
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?![a-z]+:)([^)\\s]+)\\)");

    @TempDir
    static Path shared;
    /** One corpus for the tests that only read it; generating it is the slow part. */
    static Corpus corpus;

    @BeforeAll
    static void generateSharedCorpus() throws Exception {
        corpus = CorpusGenerator.generate(shared.resolve("site"), PAGES, 20260101L);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesTreeAndCommit(@TempDir Path temp) throws Exception {
        Corpus first = CorpusGenerator.generate(temp.resolve("first"), 60, 42L);
        Corpus second = CorpusGenerator.generate(temp.resolve("second"), 60, 42L);
        Corpus otherSeed = CorpusGenerator.generate(temp.resolve("other"), 60, 43L);

        Map<String, byte[]> firstFiles = workingTree(first.directory());
        Map<String, byte[]> secondFiles = workingTree(second.directory());
        assertThat(secondFiles.keySet()).containsExactlyElementsOf(firstFiles.keySet());
        firstFiles.forEach((path, bytes) -> assertThat(secondFiles.get(path)).as(path).isEqualTo(bytes));
        assertThat(headTree(second.directory())).isEqualTo(headTree(first.directory()));
        assertThat(second.headCommit()).isEqualTo(first.headCommit());

        assertThat(headTree(otherSeed.directory())).isNotEqualTo(headTree(first.directory()));
    }

    @Test
    void writesTheRequestedPagesAndAboutAThirdAsTranslations() throws Exception {
        List<String> markdown = markdownFiles(corpus.directory());
        long originals = markdown.stream().filter(path -> path.startsWith("posts/") && !path.endsWith("_zh.md")).count();
        long translations = markdown.stream().filter(path -> path.endsWith("_zh.md")).count();

        assertThat(corpus.pages()).isEqualTo(PAGES);
        assertThat(originals).isEqualTo(PAGES);
        assertThat(translations).isEqualTo(corpus.translations());
        assertThat(translations / (double) PAGES).isBetween(0.25, 0.42);
        assertThat(markdown).contains("README.md", "about.md")
                .allMatch(path -> path.matches("README\\.md|about\\.md|posts/\\d{4}-\\d{2}-\\d{2}/[a-z0-9-]+(_zh)?\\.md"));
        for (String translation : markdown.stream().filter(path -> path.endsWith("_zh.md")).toList()) {
            assertThat(markdown).contains(translation.replace("_zh.md", ".md"));
        }
        try (Git git = Git.open(corpus.directory().toFile())) {
            assertThat(git.getRepository().getBranch()).isEqualTo("main");
            assertThat(git.status().call().isClean()).as("everything generated is committed").isTrue();
        }
    }

    /** Translations share their original's structure; a stale one lacks the original's last section. */
    @Test
    void translationsMirrorTheirOriginalsExceptStaleOnes() throws Exception {
        Pattern section = Pattern.compile("(?m)^## ");
        int current = 0;
        int stale = 0;
        for (String translation : markdownFiles(corpus.directory()).stream().filter(path -> path.endsWith("_zh.md")).toList()) {
            long translatedSections = section.matcher(Files.readString(corpus.directory().resolve(translation))).results().count();
            long originalSections = section.matcher(Files.readString(
                    corpus.directory().resolve(translation.replace("_zh.md", ".md")))).results().count();
            assertThat(translatedSections).as(translation).isIn(originalSections, originalSections - 1);
            if (translatedSections == originalSections) {
                current++;
            } else {
                stale++;
            }
        }
        assertThat(stale).isPositive().isLessThan(current);
    }

    /** README.md is the repository's own notes, not a page, so like real READMEs it has no front matter. */
    @Test
    void everyPageOpensWithFrontMatterThatParsesAsYaml() throws Exception {
        Load yaml = new Load(LoadSettings.builder().build());
        Set<String> dateShapes = new TreeSet<>();
        Set<String> tagShapes = new TreeSet<>();
        for (String path : markdownFiles(corpus.directory())) {
            if (path.equals("README.md")) {
                continue;
            }
            String text = Files.readString(corpus.directory().resolve(path));
            assertThat(text).as(path).startsWith("---\n");
            int closing = text.indexOf("\n---\n", 3);
            assertThat(closing).as(path).isPositive();

            Object parsed = yaml.loadFromString(text.substring(4, closing + 1));
            assertThat(parsed).as(path).isInstanceOf(Map.class);
            Map<?, ?> frontMatter = (Map<?, ?>) parsed;
            assertThat(frontMatter.get("title")).as(path).isInstanceOf(String.class);
            assertThat(String.valueOf(frontMatter.get("date"))).as(path)
                    .matches("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2}|T\\d{2}:\\d{2}:\\d{2}Z)?");
            dateShapes.add(String.valueOf(frontMatter.get("date")).replaceAll("\\d", "9"));
            if (path.startsWith("posts/")) {
                Object tags = frontMatter.get("tags");
                assertThat(tags).as(path).isInstanceOfAny(List.class, String.class);
                tagShapes.add(tags instanceof List ? "list" : "string");
            }
        }
        assertThat(dateShapes).containsExactlyInAnyOrder("9999-99-99 99:99:99", "9999-99-99", "9999-99-99T99:99:99Z");
        assertThat(tagShapes).containsExactlyInAnyOrder("list", "string");
    }

    @Test
    void everyPostHasTheConstructsTheRendererMustHandle() throws Exception {
        for (String path : markdownFiles(corpus.directory())) {
            if (!path.startsWith("posts/") || path.endsWith("_zh.md")) {
                continue;
            }
            String text = Files.readString(corpus.directory().resolve(path));
            String body = text.substring(text.indexOf("\n---\n") + 5);
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).as(path)
                    .isBetween(3 * 1024, 6 * 1024);
            assertThat(body).as(path)
                    .containsPattern("(?m)^## \\S")
                    .containsPattern("(?m)^### \\S")
                    .containsPattern("(?m)^- \\S")
                    .containsPattern("(?m)^1\\. \\S")
                    .containsPattern("(?m)^\\|:?-+")
                    .containsPattern("(?m)^```[a-z]+$")
                    .containsPattern("==[^=\\n]+==")
                    .containsPattern("<!-- .+ -->")
                    .containsPattern("\\]\\(\\.\\./\\d{4}-\\d{2}-\\d{2}/[a-z0-9-]+(_zh)?\\.md\\)")
                    .containsPattern("!\\[[^]]+\\]\\(img/[a-z0-9-]+\\.png\\)");
        }
    }

    @Test
    void relativeLinksAndImagesPointAtFilesThatExist() throws Exception {
        int links = 0;
        for (String path : markdownFiles(corpus.directory())) {
            Path file = corpus.directory().resolve(path);
            Matcher link = RELATIVE_LINK.matcher(Files.readString(file));
            while (link.find()) {
                Path target = file.getParent().resolve(link.group(1)).normalize();
                assertThat(target).as(path + " -> " + link.group(1)).startsWith(corpus.directory()).isRegularFile();
                links++;
            }
        }
        assertThat(links).isGreaterThan(PAGES * 3);
    }

    @Test
    void editPageCommitsExactlyThatPage(@TempDir Path temp) throws Exception {
        Corpus small = CorpusGenerator.generate(temp.resolve("site"), 20, 7L);
        String path = CorpusGenerator.pagePath(small.directory(), 5);
        String before = Files.readString(small.directory().resolve(path));

        String commit = CorpusGenerator.editPage(small.directory(), 5, 99L);

        assertThat(commit).isNotEqualTo(small.headCommit());
        assertThat(changedPaths(small.directory(), small.headCommit(), commit))
                .containsExactly(DiffEntry.ChangeType.MODIFY + " " + path);
        String after = Files.readString(small.directory().resolve(path));
        assertThat(after).startsWith(before).hasSizeGreaterThan(before.length() + 100);
    }

    @Test
    void editTagsRewritesTheTagsOfThatPageOnly(@TempDir Path temp) throws Exception {
        Corpus small = CorpusGenerator.generate(temp.resolve("site"), 20, 7L);
        String path = CorpusGenerator.pagePath(small.directory(), 3);

        String commit = CorpusGenerator.editTags(small.directory(), 3, List.of("benchmarks", "release notes"));

        assertThat(changedPaths(small.directory(), small.headCommit(), commit))
                .containsExactly(DiffEntry.ChangeType.MODIFY + " " + path);
        String text = Files.readString(small.directory().resolve(path));
        Map<?, ?> frontMatter = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(text.substring(4, text.indexOf("\n---\n") + 1));
        assertThat(frontMatter.get("tags")).isIn(List.of("benchmarks", "release notes"), "benchmarks, release notes");
        assertThatThrownBy(() -> CorpusGenerator.editTags(small.directory(), 3, List.of("benchmarks", "release notes")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageIndexesFollowPathOrderAndAreBounded(@TempDir Path temp) throws Exception {
        Corpus small = CorpusGenerator.generate(temp.resolve("site"), 5, 7L);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            paths.add(CorpusGenerator.pagePath(small.directory(), i));
        }
        assertThat(paths).isSorted().doesNotHaveDuplicates().noneMatch(path -> path.endsWith("_zh.md"));
        assertThatThrownBy(() -> CorpusGenerator.pagePath(small.directory(), 5))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesADirectoryThatIsNotEmpty(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> CorpusGenerator.generate(temp, 1, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> changedPaths(Path directory, String from, String to) throws IOException {
        try (Git git = Git.open(directory.toFile());
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            Repository repository = git.getRepository();
            RevCommit commit = repository.parseCommit(ObjectId.fromString(to));
            assertThat(commit.getParents()).extracting(RevCommit::name).containsExactly(from);
            RevCommit parent = repository.parseCommit(commit.getParent(0));
            diff.setRepository(repository);
            return diff.scan(parent.getTree(), commit.getTree()).stream()
                    .map(entry -> entry.getChangeType() + " " + entry.getNewPath())
                    .toList();
        }
    }

    private static ObjectId headTree(Path directory) throws IOException {
        try (Git git = Git.open(directory.toFile())) {
            return git.getRepository().resolve("HEAD^{tree}");
        }
    }

    private static Map<String, byte[]> workingTree(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : files(directory)) {
            files.put(path, Files.readAllBytes(directory.resolve(path)));
        }
        return files;
    }

    private static List<String> markdownFiles(Path directory) throws IOException {
        return files(directory).stream().filter(path -> path.endsWith(".md")).toList();
    }

    /** Repository-relative paths of the checked-out files, sorted, {@code .git} left out. */
    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace(File.separatorChar, '/'))
                    .filter(path -> !path.startsWith(".git/"))
                    .sorted()
                    .toList();
        }
    }
}
