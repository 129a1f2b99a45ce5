package dev.inkstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes the Markdown body of one post and, when the post is translated, its Chinese body.
 *
 * <p>Both bodies are written in one pass: every structural choice (which blocks, how many
 * items, which page a link points at, which code sample) is drawn once and applied to both
 * languages, and only the words differ. That gives translations the same shape as their
 * originals, as real translations have, so the translation checks see matching pairs; a
 * stale translation is simulated by leaving out the original's last section.
 *
 * <p>Every post contains each construct the renderer has to handle (h2 and h3 headings,
 * bullet and numbered lists, a GFM table, a fenced code block with a language,
 * {@code ==highlight==}, an HTML comment, a relative link to another post, an image), then
 * more sections until its English body reaches a size drawn between 3 and 4.5 KiB; the section
 * that crosses it takes the body to at most 6 KiB.
 */
final class PageBody {

    /** The bodies of a post; {@code images} are relative to the post's folder. */
    record Bodies(String english, @Nullable String chinese, List<String> images) {}

    private static final int MIN_BODY_BYTES = 3 * 1024;
    /** Leaves room for the section that crosses the target, so no body exceeds 6 KiB. */
    private static final int MAX_TARGET_BYTES = 4608;

    private enum Block { BULLETS, NUMBERED, TABLE, CODE, IMAGE, SUBSECTION, QUOTE, COMMENT }

    /** The blocks every post has at least once; a comment joins them when no excerpt marker was written. */
    private static final List<Block> REQUIRED_BLOCKS =
            List.of(Block.BULLETS, Block.NUMBERED, Block.TABLE, Block.CODE, Block.IMAGE, Block.SUBSECTION);

    private record CodeSample(String language, String template, List<String> names) {
        String render(SplittableRandom random) {
            // Locale.ROOT: Formatter would print %d in the machine's digits, breaking byte-identity.
            return String.format(Locale.ROOT, template, Language.pick(random, names), 2 + random.nextInt(98));
        }
    }

    private static final List<CodeSample> CODE_SAMPLES = List.of(
            new CodeSample("java", """
                    public final class %s {
                        private static final int BATCH_SIZE = %d;

                        public int drain(Queue<Job> jobs) {
                            int done = 0;
                            while (done < BATCH_SIZE && !jobs.isEmpty()) {
                                jobs.poll().run();
                                done++;
                            }
                            return done;
                        }
                    }
                    """, List.of("QueueDrainer", "CacheWarmer", "ManifestWriter", "LagProbe")),
            new CodeSample("yaml", """
                    %s:
                      replicas: %d
                      resources:
                        limits:
                          memory: 512Mi
                      env:
                        - name: LOG_LEVEL
                          value: info
                    """, List.of("render-worker", "publish-worker", "edge-cache")),
            new CodeSample("bash", """
                    for i in $(seq 1 %2$d); do
                      curl -s -o /dev/null -w '%%{time_total}\\n' "http://localhost:8080/%1$s/"
                    done | sort -n | tail -n 1
                    """, List.of("posts", "tags", "feed.xml")),
            new CodeSample("go", """
                    func %s(ctx context.Context, jobs <-chan Job) error {
                    \tlimiter := rate.NewLimiter(rate.Limit(%d), 1)
                    \tfor job := range jobs {
                    \t\tif err := limiter.Wait(ctx); err != nil {
                    \t\t\treturn err
                    \t\t}
                    \t\tjob.Run()
                    \t}
                    \treturn nil
                    }
                    """, List.of("drainJobs", "pumpEvents", "replayLog")),
            new CodeSample("python", """
                    def %s(samples):
                        samples = sorted(samples)
                        index = int(len(samples) * %d / 100)
                        return samples[min(index, len(samples) - 1)]
                    """, List.of("percentile", "tail_latency", "quantile")),
            new CodeSample("json", """
                    {
                      "topic": "%s",
                      "partitions": %d,
                      "retention.ms": 604800000
                    }
                    """, List.of("inkstream.rendered.v1", "page-views", "audit-log")),
            new CodeSample("sql", """
                    SELECT path, count(*) AS renders
                    FROM %s
                    WHERE rendered_at > now() - interval '%d minutes'
                    GROUP BY path
                    ORDER BY renders DESC;
                    """, List.of("render_log", "page_hits", "publish_events")));

    private record ExternalReference(String name, String url) {}

    private static final List<ExternalReference> EXTERNAL_REFERENCES = List.of(
            new ExternalReference("Kafka documentation", "https://kafka.apache.org/documentation/"),
            new ExternalReference("Kubernetes docs", "https://kubernetes.io/docs/home/"),
            new ExternalReference("PostgreSQL manual", "https://www.postgresql.org/docs/current/"),
            new ExternalReference("CommonMark spec", "https://spec.commonmark.org/0.31.2/"),
            new ExternalReference("Hugo documentation", "https://gohugo.io/documentation/"),
            new ExternalReference("Linux man pages", "https://man7.org/linux/man-pages/"));

    private static final List<String> SETTINGS = List.of(
            "max.poll.records", "linger.ms", "batch.size", "fetch.min.bytes", "shared_buffers", "work_mem",
            "maxSurge", "worker_connections", "gpu-memory-utilization", "GOMAXPROCS");

    private static final List<String> STAGES_ENGLISH = List.of("ingest", "render", "publish", "upload", "purge");
    private static final List<String> STAGES_CHINESE = List.of("接入", "渲染", "发布", "上传", "刷新缓存");

    /** Notes to self: authors do not translate them, so both languages carry the same text. */
    private static final List<String> AUTHOR_NOTES = List.of(
            "TODO: add the numbers from the second run",
            "check this against the release notes before publishing",
            "link the incident review once it is public",
            "draft: the benchmark section needs a rerun on the new nodes");

    private final PagePlan page;
    private final int pageIndex;
    private final List<PagePlan> site;
    private final SplittableRandom random;
    private final StringBuilder english = new StringBuilder();
    private final @Nullable StringBuilder chinese;
    /** The Chinese text of the section being written, held back so a stale translation can drop it. */
    private final StringBuilder chineseSection = new StringBuilder();
    private final List<String> images = new ArrayList<>();

    private PageBody(int pageIndex, List<PagePlan> site) {
        this.page = site.get(pageIndex);
        this.pageIndex = pageIndex;
        this.site = site;
        this.random = new SplittableRandom(this.page.bodySeed());
        this.chinese = this.page.translated() ? new StringBuilder() : null;
    }

    /** Writes the bodies of {@code site.get(pageIndex)}; the rest of the site is what its links point at. */
    static Bodies write(int pageIndex, List<PagePlan> site) {
        return new PageBody(pageIndex, site).write();
    }

    private Bodies write() {
        int targetBytes = MIN_BODY_BYTES + random.nextInt(MAX_TARGET_BYTES - MIN_BODY_BYTES);
        List<Block> required = shuffled(REQUIRED_BLOCKS);
        if (random.nextInt(10) < 3) {
            // Many authors repeat the title as an h1; the renderer has to avoid showing it twice.
            block(language -> "# " + page.title(language));
        }
        paragraph(true);
        if (random.nextBoolean()) {
            block(language -> "<!-- more -->"); // Hexo's excerpt separator
        } else {
            required.add(random.nextInt(required.size() + 1), Block.COMMENT);
        }
        List<Integer> sectionTitles = shuffled(IntStream.range(0, Language.sectionTitleCount()).boxed().toList());
        // The English text is ASCII until the final cross-language link, so its length is its size in bytes.
        for (int section = 0; !required.isEmpty() || english.length() < targetBytes; section++) {
            startSection();
            int title = sectionTitles.get(section % sectionTitles.size());
            block(language -> "## " + language.sectionTitle(title));
            paragraph(false);
            int blocks = 1 + random.nextInt(2);
            for (int i = 0; i < blocks; i++) {
                write(required.isEmpty() ? Language.pick(random, List.of(Block.values())) : required.removeFirst());
            }
        }
        if (page.staleTranslation()) {
            // The original gained a section after the translator's last visit.
            chineseSection.setLength(0);
        }
        startSection();
        if (chinese != null) {
            block(language -> language == Language.ENGLISH
                    ? language.otherLanguage(page.slug() + "_zh.md")
                    : language.otherLanguage(page.slug() + ".md"));
            startSection();
        }
        return new Bodies(finished(english), chinese == null ? null : finished(chinese), List.copyOf(images));
    }

    private void write(Block block) {
        switch (block) {
            case BULLETS -> bulletList();
            case NUMBERED -> numberedList();
            case TABLE -> table();
            case CODE -> {
                CodeSample sample = Language.pick(random, CODE_SAMPLES);
                String code = sample.render(random);
                block(language -> "```" + sample.language() + "\n" + code + "```");
            }
            case IMAGE -> {
                String image = "img/" + page.slug() + "-" + (images.size() + 1) + ".png";
                images.add(image);
                block(language -> "![" + language.subsectionTitle(random) + "](" + image + ")");
            }
            case SUBSECTION -> {
                block(language -> "### " + language.subsectionTitle(random));
                paragraph(false);
            }
            case QUOTE -> block(language -> "> " + language.compoundSentence(random));
            case COMMENT -> {
                String note = Language.pick(random, AUTHOR_NOTES);
                block(language -> "<!-- " + note + " -->");
            }
        }
    }

    /** A paragraph of 3 to 5 sentences; the opening one always highlights and links, as intros do. */
    private void paragraph(boolean opening) {
        List<Function<Language, String>> sentences = new ArrayList<>();
        int count = 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            sentences.add(sentence());
        }
        if (opening) {
            sentences.set(0, language -> language.sentence(random, InlineEmphasis.HIGHLIGHT));
            sentences.add(1 + random.nextInt(count), seeAlso());
        }
        block(language -> sentences.stream()
                .map(sentence -> sentence.apply(language))
                .collect(Collectors.joining(language.sentenceSeparator())));
    }

    private Function<Language, String> sentence() {
        int kind = random.nextInt(20);
        if (kind < 8) {
            return language -> language.sentence(random, InlineEmphasis.NONE);
        }
        if (kind < 13) {
            InlineEmphasis emphasis = InlineEmphasis.values()[1 + random.nextInt(InlineEmphasis.values().length - 1)];
            return language -> language.sentence(random, emphasis);
        }
        if (kind < 16) {
            return language -> language.compoundSentence(random);
        }
        if (kind < 17) {
            String setting = Language.pick(random, SETTINGS);
            int value = 1 + random.nextInt(4096);
            return language -> language.setting(setting, value);
        }
        if (kind < 18) {
            ExternalReference reference = Language.pick(random, EXTERNAL_REFERENCES);
            return language -> language.reference(reference.name(), reference.url());
        }
        return seeAlso();
    }

    /** A link to another post (to the post itself only in a one-post site). */
    private Function<Language, String> seeAlso() {
        int targetIndex = site.size() == 1 ? pageIndex : (pageIndex + 1 + random.nextInt(site.size() - 1)) % site.size();
        PagePlan target = site.get(targetIndex);
        return language -> language.seeAlso(target.title(language), target.href(language));
    }

    private void bulletList() {
        int items = 3 + random.nextInt(4);
        int nestedUnder = random.nextInt(3) == 0 ? random.nextInt(items) : -1;
        block(language -> {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < items; i++) {
                list.append("- ").append(language.listItem(random)).append('\n');
                if (i == nestedUnder) {
                    list.append("  - ").append(language.listItem(random)).append('\n');
                    list.append("  - ").append(language.listItem(random)).append('\n');
                }
            }
            return list.toString().stripTrailing();
        });
    }

    private void numberedList() {
        int steps = 3 + random.nextInt(3);
        block(language -> {
            StringBuilder list = new StringBuilder();
            for (int i = 1; i <= steps; i++) {
                list.append(i).append(". ").append(language.step(random)).append('\n');
            }
            return list.toString().stripTrailing();
        });
    }

    /** A GFM table; numbers are drawn once so both languages report the same measurements. */
    private void table() {
        int rows = 3 + random.nextInt(3);
        int shape = random.nextInt(3);
        List<String> firstColumn = new ArrayList<>();
        List<Integer> stageIndexes = new ArrayList<>();
        List<int[]> numbers = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            firstColumn.add(Language.pick(random, SETTINGS));
            stageIndexes.add(random.nextInt(STAGES_ENGLISH.size()));
            int median = 1 + random.nextInt(400);
            numbers.add(new int[] {median, median + random.nextInt(2000)});
        }
        block(language -> {
            boolean inChinese = language == Language.CHINESE;
            StringBuilder table = new StringBuilder(switch (shape) {
                case 0 -> inChinese ? "| 配置项 | 默认值 | 作用 |\n" : "| Setting | Default | Effect |\n";
                case 1 -> inChinese ? "| 阶段 | p50（毫秒） | p99（毫秒） |\n" : "| Stage | p50 (ms) | p99 (ms) |\n";
                default -> inChinese ? "| 版本 | 吞吐量（页/秒） | 备注 |\n" : "| Version | Throughput (pages/s) | Notes |\n";
            });
            table.append(shape == 1 ? "|:------|------:|------:|\n" : "|:------|------:|:------|\n");
            for (int row = 0; row < rows; row++) {
                int[] measured = numbers.get(row);
                table.append(switch (shape) {
                    case 0 -> "| `" + firstColumn.get(row) + "` | " + measured[0] + " | " + language.step(random) + " |";
                    case 1 -> "| " + (inChinese ? STAGES_CHINESE : STAGES_ENGLISH).get(stageIndexes.get(row))
                            + " | " + measured[0] + " | " + measured[1] + " |";
                    default -> "| v" + (row + 1) + "." + measured[0] % 10 + " | " + measured[1] + " | "
                            + language.listItem(random) + " |";
                }).append('\n');
            }
            return table.toString().stripTrailing();
        });
    }

    /** Appends one block to the English body and, for translated posts, to the Chinese section. */
    private void block(Function<Language, String> render) {
        english.append(render.apply(Language.ENGLISH)).append("\n\n");
        if (chinese != null) {
            chineseSection.append(render.apply(Language.CHINESE)).append("\n\n");
        }
    }

    private void startSection() {
        if (chinese != null) {
            chinese.append(chineseSection);
        }
        chineseSection.setLength(0);
    }

    private <T> List<T> shuffled(List<T> items) {
        List<T> shuffled = new ArrayList<>(items);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(j, shuffled.set(i, shuffled.get(j)));
        }
        return shuffled;
    }

    /** Blocks are separated by blank lines; a file ends with exactly one newline. */
    private static String finished(StringBuilder body) {
        return body.toString().stripTrailing() + "\n";
    }
}
