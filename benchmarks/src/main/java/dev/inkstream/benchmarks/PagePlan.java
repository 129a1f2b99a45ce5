package dev.inkstream.benchmarks;

import dev.inkstream.benchmarks.FrontMatter.DateStyle;
import dev.inkstream.benchmarks.FrontMatter.TagStyle;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * What one generated post will be, decided before any body is written: bodies link to other
 * posts by path and title, so every post's identity has to exist first.
 *
 * @param description the front matter's description, which only some authors write
 * @param bodySeed seeds the post's own body, so a body never depends on how much randomness
 *                 the posts before it consumed
 */
record PagePlan(String slug, LocalDateTime date, DateStyle dateStyle, String title, String chineseTitle,
                @Nullable String description, List<String> tags, TagStyle tagStyle, boolean translated,
                boolean staleTranslation, long bodySeed) {

    private static final LocalDateTime FIRST_POST = LocalDateTime.of(2019, 1, 1, 0, 0);
    private static final int DAYS_OF_POSTING = 2650;
    private static final int MAX_SLUG_LENGTH = 60;

    /** A phrase in both languages, so a translation's title says what the original's says. */
    private record Phrase(String english, String chinese) {}

    private static final List<Phrase> TOPICS = List.of(
            new Phrase("backpressure", "背压"), new Phrase("exactly-once delivery", "精确一次投递"),
            new Phrase("cold starts", "冷启动"), new Phrase("cache invalidation", "缓存失效"),
            new Phrase("tail latency", "尾延迟"), new Phrase("schema evolution", "模式演进"),
            new Phrase("leader election", "领导者选举"), new Phrase("rolling upgrades", "滚动升级"),
            new Phrase("zero-copy reads", "零拷贝读取"), new Phrase("memory pressure", "内存压力"),
            new Phrase("rate limiting", "限流"), new Phrase("batch sizing", "批大小"),
            new Phrase("incremental builds", "增量构建"), new Phrase("request hedging", "请求对冲"),
            new Phrase("connection pooling", "连接池"));
    private static final List<Phrase> LESSONS = List.of(
            new Phrase("what the docs leave out", "文档没写的部分"), new Phrase("a month in production", "上线一个月"),
            new Phrase("the hard parts", "难点"), new Phrase("numbers from our cluster", "来自集群的数据"),
            new Phrase("a field guide", "实战指南"));
    private static final List<String> TECHNOLOGIES = List.of(
            "Kafka", "Kubernetes", "PostgreSQL", "containerd", "JGit", "flexmark", "S3", "Envoy", "vLLM",
            "Redis", "gRPC", "Hugo", "Go", "Rust", "Java 21", "eBPF", "Prometheus", "nginx", "Linux", "SQLite");
    /** Includes tags with spaces and symbols, which tag-page URLs have to survive. */
    private static final List<String> TAGS = List.of(
            "kafka", "kubernetes", "performance", "java", "go", "rust", "llm", "inference", "databases",
            "postgres", "observability", "networking", "linux", "ebpf", "ci", "testing", "caching", "storage",
            "security", "career", "notes", "scheduling", "serverless", "distributed systems", "machine learning",
            "C++");

    /** The post's folder: {@code posts/<date>}, as Hexo and many Hugo sites lay them out. */
    String folder() {
        return "posts/" + date.toLocalDate();
    }

    String path() {
        return folder() + "/" + slug + ".md";
    }

    /** The Chinese translation sits next to the original, named by the {@code _zh} suffix. */
    String translationPath() {
        return folder() + "/" + slug + "_zh.md";
    }

    /** The link from any post's folder to this post, in the reader's language where it exists. */
    String href(Language readerLanguage) {
        String name = readerLanguage == Language.CHINESE && translated ? slug + "_zh" : slug;
        return "../" + date.toLocalDate() + "/" + name + ".md";
    }

    String title(Language readerLanguage) {
        return readerLanguage == Language.CHINESE && translated ? chineseTitle : title;
    }

    /** Plans {@code pages} posts, in path order, so a page's index is its rank among the paths. */
    static List<PagePlan> planPosts(int pages, SplittableRandom random) {
        List<PagePlan> plans = new ArrayList<>(pages);
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < pages; i++) {
            LocalDateTime date = FIRST_POST
                    .plusDays(random.nextInt(DAYS_OF_POSTING))
                    .plusSeconds(random.nextInt(24 * 60 * 60));
            Phrase title = title(random);
            DateStyle dateStyle = Language.pick(random, List.of(DateStyle.values()));
            @Nullable String description = random.nextInt(5) < 2 ? Language.ENGLISH.sentence(random, InlineEmphasis.NONE) : null;
            List<String> tags = tags(random);
            TagStyle tagStyle = Language.pick(random, List.of(TagStyle.values()));
            boolean translated = random.nextInt(3) == 0;
            // One translation in five lags behind its original, which is what translation checks exist for.
            boolean staleTranslation = translated && random.nextInt(5) == 0;
            PagePlan plan = new PagePlan(uniqueSlug(title.english(), date, paths), date, dateStyle,
                    title.english(), title.chinese(), description, tags, tagStyle, translated, staleTranslation,
                    random.nextLong());
            paths.add(plan.path());
            plans.add(plan);
        }
        plans.sort(Comparator.comparing(PagePlan::path));
        return plans;
    }

    /** An English title and its Chinese counterpart, built from the same topic and technology. */
    private static Phrase title(SplittableRandom random) {
        Phrase topic = Language.pick(random, TOPICS);
        Phrase lesson = Language.pick(random, LESSONS);
        String tech = Language.pick(random, TECHNOLOGIES);
        String capitalised = Character.toUpperCase(topic.english().charAt(0)) + topic.english().substring(1);
        return switch (random.nextInt(7)) {
            case 0 -> new Phrase(tech + ": " + lesson.english(), tech + "：" + lesson.chinese());
            case 1 -> new Phrase("Notes on " + topic.english() + " with " + tech, tech + " 中的" + topic.chinese() + "笔记");
            case 2 -> new Phrase(capitalised + " in " + tech + ", revisited", "再谈 " + tech + " 的" + topic.chinese());
            case 3 -> new Phrase("Why " + topic.english() + " matters more than you think", "为什么" + topic.chinese() + "比你想的更重要");
            case 4 -> new Phrase("Debugging " + topic.english() + " in " + tech, "排查 " + tech + " 的" + topic.chinese() + "问题");
            case 5 -> new Phrase("What I've learned about " + topic.english(), "关于" + topic.chinese() + "我学到的事");
            default -> new Phrase("\"" + capitalised + "\" considered harmful", "“" + topic.chinese() + "”有害论");
        };
    }

    private static List<String> tags(SplittableRandom random) {
        Set<String> tags = new LinkedHashSet<>();
        int count = 1 + random.nextInt(4);
        while (tags.size() < count) {
            tags.add(Language.pick(random, TAGS));
        }
        return List.copyOf(tags);
    }

    /** Titles repeat across years, so two posts of one day may share a slug; the second gets a suffix. */
    private static String uniqueSlug(String title, LocalDateTime date, Set<String> takenPaths) {
        String base = slugify(title);
        String slug = base;
        for (int suffix = 2; takenPaths.contains("posts/" + date.toLocalDate() + "/" + slug + ".md"); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    private static String slugify(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() <= MAX_SLUG_LENGTH) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
        return slug.substring(0, cut > 0 ? cut : MAX_SLUG_LENGTH);
    }
}
