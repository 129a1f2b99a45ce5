package dev.inkstream.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Generates a realistic content repository as a real git repository, for benchmarks.
 *
 * <p>The corpus is a function of {@code (pages, seed)} alone: the same arguments give
 * byte-identical files, the same tree and, because author and commit times are derived from
 * the content instead of the clock, the same commit ids. That makes benchmark runs comparable
 * across machines and lets a regression be reproduced from its seed.
 *
 * <p>Layout, as a Hexo or Hugo blog with translations is commonly organised:
 * <pre>
 * README.md                              repository notes, no front matter (not a page)
 * about.md
 * posts/&lt;YYYY-MM-DD&gt;/&lt;slug&gt;.md           a post: front matter and a 3 to 6 KiB body
 * posts/&lt;YYYY-MM-DD&gt;/&lt;slug&gt;_zh.md        its Chinese translation, for about a third of posts
 * posts/&lt;YYYY-MM-DD&gt;/img/&lt;slug&gt;-N.png     the images the post shows
 * </pre>
 *
 * <p>A page index, as {@link #editPage} and {@link #editTags} take it, is the post's rank among
 * the original (untranslated) post paths in lexicographic order, from 0.
 */
public final class CorpusGenerator {

    /**
     * A generated repository.
     *
     * @param pages        the number of posts, translations not counted
     * @param translations the number of posts that also have a Chinese translation
     * @param headCommit   the id of the single commit on {@code main}
     */
    public record Corpus(Path directory, int pages, int translations, String headCommit) {}

    public static final String BRANCH = "main";

    private static final String AUTHOR_NAME = "Inkstream Benchmarks";
    private static final String AUTHOR_EMAIL = "benchmarks@inkstream.invalid";
    /** Edits are spaced a minute apart so that their commits keep a meaningful order by time. */
    private static final Duration EDIT_INTERVAL = Duration.ofMinutes(1);
    private static final int IMAGE_WIDTH = 24;
    private static final int IMAGE_HEIGHT = 16;
    private static final List<String> SITE_NAMES = List.of("Field Notes", "Tail Latency", "Hot Path", "Backlog");

    /**
     * Writes {@code pages} posts (and their translations, images, {@code README.md} and
     * {@code about.md}) into {@code directory}, which must be absent or empty, and commits them
     * as the only commit of a non-bare repository on branch {@code main}.
     */
    public static Corpus generate(Path directory, int pages, long seed) throws IOException, GitAPIException {
        if (pages < 1) {
            throw new IllegalArgumentException("a corpus needs at least one page, got " + pages);
        }
        requireEmptyDirectory(directory);
        SplittableRandom random = new SplittableRandom(seed);
        List<PagePlan> posts = PagePlan.planPosts(pages, random);
        for (int i = 0; i < posts.size(); i++) {
            writePost(directory, posts.get(i), PageBody.write(i, posts));
        }
        String siteName = Language.pick(random, SITE_NAMES);
        writeFile(directory, "README.md", readme(siteName, posts));
        writeFile(directory, "about.md", about(siteName, posts, random));

        LocalDateTime newestPost = posts.stream().map(PagePlan::date).max(Comparator.naturalOrder()).orElseThrow();
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(BRANCH).call()) {
            git.add().addFilepattern(".").call();
            RevCommit commit = commit(git, pages + " generated posts (seed " + seed + ")",
                    newestPost.plusHours(1).toInstant(ZoneOffset.UTC));
            int translations = (int) posts.stream().filter(PagePlan::translated).count();
            return new Corpus(directory, pages, translations, commit.name());
        }
    }

    /**
     * Appends a paragraph (drawn from {@code seed}) to the body of the post at
     * {@code pageIndex}, commits that one file and returns the new commit id.
     */
    public static String editPage(Path directory, int pageIndex, long seed) throws IOException, GitAPIException {
        String path = pagePath(directory, pageIndex);
        Path file = directory.resolve(path);
        SplittableRandom random = new SplittableRandom(seed);
        String paragraph = IntStream.range(0, 3)
                .mapToObj(i -> Language.ENGLISH.sentence(random, InlineEmphasis.NONE))
                .collect(Collectors.joining(" "));
        Files.writeString(file, Files.readString(file) + "\n" + paragraph + "\n");
        return commitEdit(directory, path, "Add a paragraph to " + path);
    }

    /**
     * Replaces the tags of the post at {@code pageIndex} (keeping the list style its front
     * matter already uses), commits that one file and returns the new commit id. A tag change
     * is the edit that touches the most aggregates downstream: tag pages, indexes and feeds.
     *
     * @throws IllegalArgumentException when the post already has exactly these tags, since an
     *                                  edit that changes nothing would never go live
     */
    public static String editTags(Path directory, int pageIndex, List<String> tags) throws IOException, GitAPIException {
        String path = pagePath(directory, pageIndex);
        Path file = directory.resolve(path);
        String before = Files.readString(file);
        String after = FrontMatter.replaceTags(before, tags);
        if (after.equals(before)) {
            throw new IllegalArgumentException(path + " already has the tags " + tags);
        }
        Files.writeString(file, after);
        return commitEdit(directory, path, "Retag " + path + " as " + String.join(", ", tags));
    }

    /** The repository path ({@code posts/<date>/<slug>.md}) of the post at {@code pageIndex}. */
    public static String pagePath(Path directory, int pageIndex) throws IOException {
        List<String> posts;
        try (Stream<Path> files = Files.walk(directory.resolve("posts"), 2)) {
            posts = files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace(File.separatorChar, '/'))
                    .filter(path -> path.endsWith(".md") && !path.endsWith("_zh.md"))
                    .sorted()
                    .toList();
        }
        if (pageIndex < 0 || pageIndex >= posts.size()) {
            throw new IndexOutOfBoundsException("page " + pageIndex + " of a corpus with " + posts.size() + " pages");
        }
        return posts.get(pageIndex);
    }

    private static void writePost(Path directory, PagePlan post, PageBody.Bodies bodies) throws IOException {
        String date = post.dateStyle().format(post.date());
        writeFile(directory, post.path(),
                FrontMatter.render(post.title(), date, post.tags(), post.tagStyle(), post.description())
                        + "\n" + bodies.english());
        if (bodies.chinese() != null) {
            writeFile(directory, post.translationPath(),
                    FrontMatter.render(post.chineseTitle(), date, post.tags(), post.tagStyle(), null)
                            + "\n" + bodies.chinese());
        }
        for (String image : bodies.images()) {
            Path file = directory.resolve(post.folder()).resolve(image);
            Files.createDirectories(file.getParent());
            // String.hashCode is specified by the language, so the colour is the same everywhere.
            Files.write(file, Png.solid(IMAGE_WIDTH, IMAGE_HEIGHT, image.hashCode() & 0xffffff));
        }
    }

    /** The repository's README: notes for contributors, not a page, hence no front matter. */
    private static String readme(String siteName, List<PagePlan> posts) {
        String recentPosts = posts.reversed().stream()
                .limit(10)
                .map(post -> "- [" + post.title() + "](" + post.path() + ") (" + post.date().toLocalDate() + ")")
                .collect(Collectors.joining("\n"));
        return String.format(Locale.ROOT, """
                # %s

                The source of the %s blog: %d posts, written in Markdown and published by Inkstream on every push to `main`.

                ## Layout

                - Posts live in `posts/<YYYY-MM-DD>/<slug>.md`, images next to them in `img/`.
                - A Chinese translation sits next to its original as `<slug>_zh.md`.
                - The [about page](about.md) is the only page outside `posts/`.

                ## Recent posts

                %s
                """, siteName, siteName, posts.size(), recentPosts);
    }

    private static String about(String siteName, List<PagePlan> posts, SplittableRandom random) {
        String introduction = IntStream.range(0, 4)
                .mapToObj(i -> Language.ENGLISH.sentence(random, i == 1 ? InlineEmphasis.HIGHLIGHT : InlineEmphasis.NONE))
                .collect(Collectors.joining(" "));
        String firstPosts = posts.stream()
                .limit(3)
                .map(post -> "- [" + post.title() + "](" + post.path() + ")")
                .collect(Collectors.joining("\n"));
        return String.format(Locale.ROOT, """
                ---
                title: About
                layout: about
                date: %s
                ---

                %s

                ## Where to start

                The first posts on %s:

                %s
                """, posts.getFirst().date().toLocalDate(), introduction, siteName, firstPosts);
    }

    private static String commitEdit(Path directory, String path, String message) throws IOException, GitAPIException {
        try (Git git = Git.open(directory.toFile())) {
            git.add().addFilepattern(path).call();
            Repository repository = git.getRepository();
            RevCommit head = repository.parseCommit(repository.resolve(BRANCH));
            return commit(git, message, head.getCommitterIdent().getWhenAsInstant().plus(EDIT_INTERVAL)).name();
        }
    }

    /** Commits with a fixed identity and the given time: the clock must not leak into commit ids. */
    private static RevCommit commit(Git git, String message, Instant when) throws GitAPIException {
        PersonIdent ident = new PersonIdent(AUTHOR_NAME, AUTHOR_EMAIL, when, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(false).call();
    }

    private static void requireEmptyDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            Files.createDirectories(directory);
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("corpus directory is not empty: " + directory);
            }
        }
    }

    private static void writeFile(Path directory, String path, String text) throws IOException {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private CorpusGenerator() {}
}
