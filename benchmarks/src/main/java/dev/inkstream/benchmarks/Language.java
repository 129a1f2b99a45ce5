package dev.inkstream.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The two languages a generated corpus is written in, each a tiny sentence grammar over a
 * built-in word list.
 *
 * <p>Sentences follow "subject, verb, object, circumstance" so the text reads like a
 * plausible engineering note rather than word salad: a renderer's summary, excerpt and
 * search output then look like what a real site produces, and the byte sizes per paragraph
 * are close to real prose. Both languages expose the same operations so that
 * {@link PageBody} can write an original and its translation with identical structure.
 */
enum Language {

    ENGLISH(
            List.of("the consumer", "our build", "the render stage", "every release", "the cache",
                    "a cold start", "the scheduler", "this benchmark", "the webhook", "the object store",
                    "the on-call engineer", "a single retry", "the search index", "the Atom feed",
                    "each partition", "the sidecar", "the GPU pool", "the inference server",
                    "the schema migration", "the staging cluster"),
            List.of("rewrites", "delays", "hides", "doubles", "caches", "replays", "splits", "drops",
                    "measures", "warms up", "invalidates", "batches", "throttles", "serialises",
                    "compresses", "retries", "publishes", "pins", "shards", "reorders"),
            List.of("the tail latency", "every changed page", "the hot path", "stale entries",
                    "the commit log", "half of the requests", "the slowest query", "its own offsets",
                    "the memory budget", "cold reads", "the release manifest", "old snapshots",
                    "the config map", "large payloads", "the warm pool", "the sitemap", "the write path",
                    "the leader epoch", "duplicate events", "the thread pool", "the connection pool",
                    "queued jobs", "the container image", "the token budget", "the model weights"),
            List.of("after every deploy", "under load", "when the broker restarts",
                    "without anyone noticing", "on the first request", "during the nightly rebuild",
                    "at the p99", "for a few seconds", "in production", "once the queue drains",
                    "on a laptop", "behind the CDN"),
            List.of("Measure", "Restart", "Drain", "Replay", "Pin", "Compare", "Tune", "Roll back",
                    "Profile", "Snapshot"),
            List.of("Background", "Setup", "What we measured", "Results", "What went wrong",
                    "The fix", "Trade-offs", "Lessons learned", "Open questions", "How it works"),
            " ", ".", ", "),

    CHINESE(
            List.of("消费者", "构建流程", "渲染阶段", "每次发布", "缓存", "冷启动", "调度器", "这个基准测试",
                    "Webhook 服务", "对象存储", "值班工程师", "一次重试", "搜索索引", "订阅源", "每个分区",
                    "边车容器", "GPU 资源池", "推理服务", "数据库迁移", "预发集群"),
            List.of("重写了", "拖慢了", "掩盖了", "放大了", "缓存了", "重放了", "拆分了", "丢弃了", "测量了",
                    "预热了", "淘汰了", "合并了", "限制了", "序列化了", "压缩了", "重试了", "发布了", "固定了",
                    "分片了", "打乱了"),
            List.of("尾延迟", "每个改动的页面", "热路径", "过期条目", "提交日志", "一半的请求", "最慢的查询",
                    "自己的位点", "内存预算", "冷读取", "发布清单", "旧快照", "配置文件", "大消息", "预热池",
                    "站点地图", "写入路径", "领导者任期", "重复事件", "线程池", "连接池", "排队的任务", "容器镜像",
                    "令牌预算", "模型权重"),
            List.of("在每次部署之后", "在高负载下", "在 broker 重启时", "悄无声息地", "在第一次请求时",
                    "在夜间重建期间", "在 p99 上", "在几秒钟之内", "在生产环境中", "在队列清空之后",
                    "在笔记本上", "在 CDN 后面"),
            List.of("测量", "重启", "清空", "重放", "固定", "比较", "调优", "回滚", "剖析", "快照"),
            List.of("背景", "环境准备", "测量方法", "结果", "哪里出了问题", "解决办法", "权衡", "经验总结",
                    "遗留问题", "工作原理"),
            "", "。", "，");

    private final List<String> subjects;
    private final List<String> verbs;
    private final List<String> objects;
    private final List<String> circumstances;
    private final List<String> imperatives;
    private final List<String> sectionTitles;
    private final String wordSeparator;
    private final String fullStop;
    private final String comma;

    Language(List<String> subjects, List<String> verbs, List<String> objects, List<String> circumstances,
             List<String> imperatives, List<String> sectionTitles, String wordSeparator, String fullStop,
             String comma) {
        this.subjects = subjects;
        this.verbs = verbs;
        this.objects = objects;
        this.circumstances = circumstances;
        this.imperatives = imperatives;
        this.sectionTitles = sectionTitles;
        this.wordSeparator = wordSeparator;
        this.fullStop = fullStop;
        this.comma = comma;
    }

    /** One sentence with its full stop; {@code emphasis} wraps the object, where readers' eyes go. */
    String sentence(SplittableRandom random, InlineEmphasis emphasis) {
        String subject = pick(random, subjects);
        String verb = pick(random, verbs);
        String object = emphasis.wrap(pick(random, objects));
        String circumstance = pick(random, circumstances);
        String clause = this == CHINESE
                ? subject + circumstance + verb + object
                : subject + " " + verb + " " + object + " " + circumstance;
        return capitalise(clause) + fullStop;
    }

    /** Two clauses joined by a comma: long sentences are what wrap and reflow in real posts. */
    String compoundSentence(SplittableRandom random) {
        String first = sentence(random, InlineEmphasis.NONE);
        String second = sentence(random, InlineEmphasis.NONE);
        String firstClause = first.substring(0, first.length() - fullStop.length());
        String secondClause = this == CHINESE ? second : second.substring(0, 1).toLowerCase(Locale.ROOT) + second.substring(1);
        return firstClause + comma + (this == CHINESE ? "" : "and ") + secondClause;
    }

    /** A list item: a clause without a full stop, as people write bullets. */
    String listItem(SplittableRandom random) {
        String subject = pick(random, subjects);
        String verb = pick(random, verbs);
        String object = pick(random, objects);
        return this == CHINESE ? subject + verb + object : subject + " " + verb + " " + object;
    }

    /** A numbered step: an imperative and its object. */
    String step(SplittableRandom random) {
        return pick(random, imperatives) + wordSeparator + pick(random, objects);
    }

    /** Section titles are chosen by index so that a translation's headings match its original's. */
    String sectionTitle(int index) {
        return sectionTitles.get(index % sectionTitles.size());
    }

    static int sectionTitleCount() {
        return ENGLISH.sectionTitles.size();
    }

    /** A subsection title names the thing under discussion. */
    String subsectionTitle(SplittableRandom random) {
        return capitalise(pick(random, objects));
    }

    /** A sentence pointing at another page of the site. */
    String seeAlso(String linkText, String href) {
        return this == CHINESE
                ? "背景可以参考[" + linkText + "](" + href + ")。"
                : "See [" + linkText + "](" + href + ") for the background.";
    }

    /** A sentence pointing at an external site, kept in English as authors do. */
    String reference(String name, String url) {
        return this == CHINESE
                ? "更多细节见 [" + name + "](" + url + ")。"
                : "The details are in the [" + name + "](" + url + ").";
    }

    /** A sentence naming a configuration setting in inline code. */
    String setting(String identifier, int value) {
        return this == CHINESE
                ? "我们把 `" + identifier + "` 设成了 " + value + "。"
                : "We set `" + identifier + "` to " + value + ".";
    }

    /** The pointer from a page to its counterpart in the other language. */
    String otherLanguage(String href) {
        return this == CHINESE
                ? "另见[英文原文](" + href + ")。"
                : "*Also available in [中文](" + href + ").*";
    }

    /** What goes between two sentences: a space in English, nothing in Chinese. */
    String sentenceSeparator() {
        return wordSeparator;
    }

    static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
