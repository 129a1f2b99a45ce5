package dev.inkstream.render.document;

import dev.inkstream.render.translation.FileLanguage;
import dev.inkstream.render.translation.TranslationNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a source file is published: pretty URLs, the file's path without its extension as a
 * folder; {@code index}, {@code _index} and {@code README} stand for their folder. A page whose
 * name or folder names a language is published under {@code /<lang>/} with the marker removed
 * ({@code posts/a_zh.md} and {@code content/zh/posts/a.md} → {@code /zh/posts/a/}), so a
 * translation never collides with its source.
 */
public final class PageUrls {

    /** The URL of a page, with every language a path names under its {@code /<lang>/} folder. */
    public static String of(String path) {
        return of(path, null);
    }

    /**
     * The URL of a page when the site's default language is known: a file marked with the default
     * language ({@code a_en.md} next to {@code a_zh.md}) is published at the root like an unmarked one.
     */
    public static String of(String path, @Nullable String defaultLanguage) {
        FileLanguage language = TranslationNaming.of(path);
        String published = language.urlPath();
        if (language.language() != null && language.language().equals(defaultLanguage)) {
            published = published.substring(language.language().length() + 1);
        }
        return folderUrl(published);
    }

    private static String folderUrl(String path) {
        String withoutExtension = path.contains(".") && path.lastIndexOf('.') > path.lastIndexOf('/')
                ? path.substring(0, path.lastIndexOf('.'))
                : path;
        String name = withoutExtension.substring(withoutExtension.lastIndexOf('/') + 1);
        String folder = switch (name.toLowerCase(Locale.ROOT)) {
            case "index", "_index", "readme" -> withoutExtension.substring(0, withoutExtension.length() - name.length());
            default -> withoutExtension + "/";
        };
        String url = "/" + folder.replace(' ', '-');
        return url.replaceAll("/+", "/");
    }

    /**
     * A link written in {@code fromPath} to a relative {@code target} (e.g. {@code ../b/c.md#x}),
     * as a link from the page of {@code fromPath} to the page of the target; relative, so the site
     * can be served under any prefix.
     */
    public static String relativeLink(String fromPath, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash);
        String fromDir = fromPath.contains("/") ? fromPath.substring(0, fromPath.lastIndexOf('/') + 1) : "";
        String targetPath = normalize(fromDir + file);
        if (isPage(file)) {
            return relativize(of(fromPath), of(targetPath)) + fragment;
        }
        // Any other file (an image, a PDF, a folder) is published at its own path.
        boolean folder = file.endsWith("/") || file.isEmpty();
        String parent = targetPath.contains("/") ? targetPath.substring(0, targetPath.lastIndexOf('/') + 1) : "";
        String name = targetPath.substring(parent.length());
        String base = relativize(of(fromPath), "/" + parent);
        String link = folder ? relativize(of(fromPath), "/" + (targetPath.isEmpty() ? "" : targetPath + "/"))
                : (base.equals("./") ? "" : base) + name;
        return link + fragment;
    }

    /** Where an asset is published: at its own path. */
    public static String assetUrl(String path) {
        return "/" + path;
    }

    static boolean isPage(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".txt");
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** Relative link between two folder URLs ({@code /a/b/} to {@code /a/c/} is {@code ../c/}). */
    static String relativize(String fromUrl, String toUrl) {
        String[] from = fromUrl.substring(1).split("/", -1);
        String[] to = toUrl.substring(1).split("/", -1);
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder link = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) {
            link.append("../");
        }
        for (int i = common; i < to.length - 1; i++) {
            link.append(to[i]).append('/');
        }
        return link.isEmpty() ? "./" : link.toString();
    }

    private PageUrls() {}
}
