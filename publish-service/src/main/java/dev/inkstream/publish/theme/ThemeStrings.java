package dev.inkstream.publish.theme;

import java.util.Locale;
import java.util.Map;

/**
 * The theme's own words in the page's language, so a Chinese page does not say "min read".
 * Languages without a table get English.
 */
public final class ThemeStrings {

    private static final Map<String, Map<String, String>> BY_LANGUAGE = Map.of(
            "en", Map.ofEntries(Map.entry("latest", "Latest posts"), Map.entry("posts", "Posts"),
                    Map.entry("minRead", "min read"), Map.entry("updated", "updated"), Map.entry("alsoIn", "Also in:"),
                    Map.entry("contents", "Contents"), Map.entry("tags", "Tags"), Map.entry("categories", "Categories"),
                    Map.entry("tagged", "Tagged"), Map.entry("feed", "Feed"), Map.entry("newer", "← Newer"),
                    Map.entry("older", "Older →"), Map.entry("page", "Page"), Map.entry("of", "of"),
                    Map.entry("skip", "Skip to content"), Map.entry("notFound", "Page not found"),
                    Map.entry("notFoundText", "There is no page at this address."),
                    Map.entry("home", "Go to the home page"), Map.entry("problems", "This page has problems:")),
            "zh", Map.ofEntries(Map.entry("latest", "最新文章"), Map.entry("posts", "文章"),
                    Map.entry("minRead", "分钟阅读"), Map.entry("updated", "更新于"), Map.entry("alsoIn", "其他语言："),
                    Map.entry("contents", "目录"), Map.entry("tags", "标签"), Map.entry("categories", "分类"),
                    Map.entry("tagged", "标签"), Map.entry("feed", "订阅"), Map.entry("newer", "← 较新"),
                    Map.entry("older", "较旧 →"), Map.entry("page", "第"), Map.entry("of", "页，共"),
                    Map.entry("skip", "跳到正文"), Map.entry("notFound", "找不到页面"),
                    Map.entry("notFoundText", "这个地址没有页面。"), Map.entry("home", "返回首页"),
                    Map.entry("problems", "此页面有问题：")),
            "ja", Map.ofEntries(Map.entry("latest", "最新の記事"), Map.entry("posts", "記事"),
                    Map.entry("minRead", "分で読めます"), Map.entry("updated", "更新"), Map.entry("alsoIn", "他の言語："),
                    Map.entry("contents", "目次"), Map.entry("tags", "タグ"), Map.entry("categories", "カテゴリー"),
                    Map.entry("tagged", "タグ"), Map.entry("feed", "フィード"), Map.entry("newer", "← 新しい記事"),
                    Map.entry("older", "古い記事 →"), Map.entry("page", "ページ"), Map.entry("of", "/"),
                    Map.entry("skip", "本文へ移動"), Map.entry("notFound", "ページが見つかりません"),
                    Map.entry("notFoundText", "このアドレスにはページがありません。"), Map.entry("home", "ホームへ戻る"),
                    Map.entry("problems", "このページには問題があります：")));

    /** The words for {@code language} (BCP 47; {@code zh-Hant} uses {@code zh}'s), else English. */
    public static Map<String, String> of(String language) {
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return BY_LANGUAGE.getOrDefault(primary, BY_LANGUAGE.get("en"));
    }

    private ThemeStrings() {}
}
