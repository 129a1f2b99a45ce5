package dev.inkstream.render.document;

import dev.inkstream.render.translation.FileLanguage;
import dev.inkstream.render.translation.TranslationNaming;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a source file is published: pretty URLs, the file's path without its extension as a
 * folder; {@code index}, {@code _index} and {@code README} stand for their folder. A page whose
 * name or folder names a language is published under {@code /<lang>/} with the marker removed
 * ({@code posts/a_zh.md} and {@code content/zh/posts/a.md} → {@code /zh/posts/a/}), so a
 * translation never collides with its source.
 */
public final class PageUrls {

    private static final Pattern SLASHES = Pattern.compile("/+");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

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
        return url.contains("//") ? SLASHES.matcher(url).replaceAll("/") : url;
    }

    /**
     * The site-relative URL, with its {@code #anchor}, that a link written in {@code fromPath}
     * points at: a Markdown or text file becomes its page's URL, a folder its folder URL, any
     * other file (an image, a PDF) where it is published. Paths are relative to the source file,
     * or to the repository root when they start with {@code /}; percent-escapes are decoded.
     * Empty for a link that leaves the site (a scheme such as {@code https:} or {@code mailto:},
     * or {@code //host}) and for one with nothing to follow ({@code ?query} alone).
     */
    public static Optional<String> target(String fromPath, String written) {
        int hash = written.indexOf('#');
        String beforeHash = hash < 0 ? written : written.substring(0, hash);
        String fragment = hash < 0 ? "" : "#" + decode(written.substring(hash + 1));
        int query = beforeHash.indexOf('?');
        String file = decode(query < 0 ? beforeHash : beforeHash.substring(0, query));
        if (beforeHash.startsWith("//") || hasScheme(beforeHash)) {
            return Optional.empty();
        }
        if (file.isEmpty()) {
            return fragment.isEmpty() ? Optional.empty() : Optional.of(of(fromPath) + fragment);
        }
        String fromDir = fromPath.contains("/") ? fromPath.substring(0, fromPath.lastIndexOf('/') + 1) : "";
        String targetPath = normalize(file.startsWith("/") ? file : fromDir + file);
        boolean folder = file.endsWith("/") || file.equals(".") || file.equals("..") || file.endsWith("/.")
                || file.endsWith("/..") || targetPath.isEmpty();
        String url;
        if (folder) {
            url = targetPath.isEmpty() ? "/" : "/" + targetPath + "/";
        } else if (isPage(targetPath)) {
            url = of(targetPath);
        } else {
            url = assetUrl(targetPath);
        }
        return Optional.of(url + fragment);
    }

    /**
     * A link written in {@code fromPath} (e.g. {@code ../b/c.md#x}), as a link from the page of
     * {@code fromPath} to where {@link #target} says it points; relative, so the site can be
     * served under any prefix. Links that leave the site, and bare anchors, are kept as written.
     */
    public static String relativeLink(String fromPath, String written) {
        if (written.startsWith("#")) {
            return written;
        }
        return relativeLink(of(fromPath), written, target(fromPath, written));
    }

    /**
     * {@link #relativeLink(String, String)} for a page whose URL ({@link #of}) and the link's
     * {@link #target} are known already: a page asks both for each of its links.
     */
    public static String relativeLink(String fromUrl, String written, Optional<String> target) {
        if (written.startsWith("#")) {
            return written;
        }
        return target.map(url -> {
            int hash = url.indexOf('#');
            String fragment = hash < 0 ? "" : written.substring(written.indexOf('#'));
            String path = hash < 0 ? url : url.substring(0, hash);
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            String name = path.substring(folder.length());
            String link = relativize(fromUrl, folder);
            return (name.isEmpty() || !link.equals("./") ? link : "") + name + fragment;
        }).orElse(written);
    }

    private static boolean hasScheme(String link) {
        if (link.indexOf(':') < 0) {
            // Both readings below need a ':' after the scheme.
            return false;
        }
        try {
            return URI.create(link.replace(" ", "%20")).getScheme() != null;
        } catch (IllegalArgumentException notAUri) {
            // Not parseable as a URI: a scheme is letters then ':' before any '/'.
            return SCHEME.matcher(link).matches();
        }
    }

    private static String decode(String escaped) {
        if (!escaped.contains("%")) {
            return escaped;
        }
        try {
            // '+' is a plus in a path, not a space: protect it from the form decoder.
            return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return escaped;
        }
    }

    /**
     * A URL an author wrote in front matter ({@code url: /about/me}), site-relative with the
     * trailing slash of a folder; a name with an extension ({@code /old.html}) stays a file.
     */
    public static String normalizeUrl(String url) {
        String path = url.strip().replace(' ', '-');
        int hash = path.indexOf('#');
        path = SLASHES.matcher(hash < 0 ? path : path.substring(0, hash)).replaceAll("/");
        path = path.startsWith("/") ? path : "/" + path;
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() || name.contains(".") ? path : path + "/";
    }

    /** The page URL with its last segment replaced by {@code slug} (Hugo's and Jekyll's {@code slug}). */
    public static String withSlug(String naturalUrl, String slug) {
        String trimmed = naturalUrl.endsWith("/") ? naturalUrl.substring(0, naturalUrl.length() - 1) : naturalUrl;
        String parent = trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
        String cleaned = slug.strip().replaceAll("^/+|/+$", "");
        return cleaned.isEmpty() ? naturalUrl : normalizeUrl(parent + cleaned);
    }

    /**
     * A front matter alias: site-relative when it starts with {@code /}, else (as Hugo reads it)
     * relative to the folder the page is in.
     */
    public static String resolveAlias(String pageUrl, String alias) {
        String a = alias.strip();
        String trimmed = pageUrl.endsWith("/") ? pageUrl.substring(0, pageUrl.length() - 1) : pageUrl;
        String base = a.startsWith("/") ? "" : trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
        String resolved = "/" + normalize(base + a);
        return normalizeUrl(a.endsWith("/") && !resolved.endsWith("/") ? resolved + "/" : resolved);
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
