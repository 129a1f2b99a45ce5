package dev.inkstream.render.translation;

import org.jspecify.annotations.Nullable;

/**
 * What a file's path says about its language.
 *
 * @param path           the repository path
 * @param language       BCP 47 code the path names ({@code zh-CN}), absent when it names none
 * @param translationKey the path without language marker and extension ({@code posts/a} for
 *                       {@code posts/a_zh.md} and for {@code content/zh/posts/a.md})
 * @param convention     how the language was written: {@code suffix}, {@code directory} or
 *                       {@code none}
 * @param unknownCode    a marker that looks like a language code but is none we know
 *                       ({@code a_xx.md}): reported, not guessed
 * @param urlPath        the path a page is published under, language marker removed and the
 *                       language as the first folder ({@code zh/posts/a.md})
 */
public record FileLanguage(
        String path,
        @Nullable String language,
        String translationKey,
        String convention,
        @Nullable String unknownCode,
        String urlPath) {

    public static final String SUFFIX = "suffix";
    public static final String DIRECTORY = "directory";
    public static final String NONE = "none";

    public boolean marked() {
        return language != null;
    }
}
