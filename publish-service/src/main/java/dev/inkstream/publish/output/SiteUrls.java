package dev.inkstream.publish.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How a site's URLs are spelled: object keys, relative roots, absolute URLs and tag slugs. */
final class SiteUrls {

    private final @Nullable String baseUrl;
    private final String rootPath;

    /**
     * @param baseUrl  absolute base URL ending in {@code /}, when the site config gives one
     * @param rootPath the path the site is served under, ending in {@code /}
     */
    SiteUrls(@Nullable String baseUrl, String rootPath) {
        this.baseUrl = baseUrl;
        this.rootPath = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    }

    /**
     * The URL readers and crawlers should use for a site-relative URL: under the base URL when the
     * site has one, else the path from the server's root. Non-ASCII is percent-encoded, as
     * sitemaps and feeds require.
     */
    String absolute(String url) {
        String path = (baseUrl == null ? rootPath : "") + url.substring(1);
        try {
            String encoded = new URI(null, null, path, null).toASCIIString();
            return baseUrl == null ? encoded : baseUrl + encoded;
        } catch (URISyntaxException e) {
            return baseUrl == null ? path : baseUrl + path;
        }
    }

    boolean hasBaseUrl() {
        return baseUrl != null;
    }

    /** {@code /posts/hello/} is stored as {@code posts/hello/index.html}; {@code /old.html} as {@code old.html}. */
    static String keyOf(String url) {
        return url.endsWith("/") ? url.substring(1) + "index.html" : url.substring(1);
    }

    /** Relative path from a page URL to the site root: {@code /a/b/} gives {@code ../../}. */
    static String rootFrom(String url) {
        long depth = url.chars().filter(c -> c == '/').count() - 1;
        return depth <= 0 ? "./" : "../".repeat((int) depth);
    }

    /**
     * A tag's folder name: lower case, spaces to {@code -}, letters of every script kept
     * ({@code /tags/日本語/}), punctuation and symbols dropped; a tag with nothing left (an emoji)
     * gets a short hash, so every tag has a page.
     */
    static String slug(String tag) {
        // Every release slugs every tag of every page; a site has few distinct tags.
        if (SLUGS.size() > MAX_MEMO) {
            SLUGS.clear();
        }
        return SLUGS.computeIfAbsent(tag, SiteUrls::slugOf);
    }

    private static String slugOf(String tag) {
        String slug = Normalizer.normalize(tag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        slug = SPACES.matcher(slug).replaceAll("-");
        slug = NOT_SLUG.matcher(slug).replaceAll("");
        slug = DASHES.matcher(slug).replaceAll("-");
        slug = EDGE_DASHES.matcher(slug).replaceAll("");
        return slug.isEmpty() ? "tag-" + shortHash(tag) : slug;
    }

    private static final Pattern SPACES = Pattern.compile("[\\s_/]+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}-]");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-|-$");
    private static final int MAX_MEMO = 100_000;
    private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();

    /** A redirect source as a site-relative URL: leading slash, and a trailing one unless it names a file. */
    static String normaliseAlias(String alias) {
        String url = alias.strip();
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() || last.contains(".") ? url : url + "/";
    }

    static String shortHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
