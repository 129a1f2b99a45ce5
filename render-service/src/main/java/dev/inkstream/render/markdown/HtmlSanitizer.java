package dev.inkstream.render.markdown;

import org.jsoup.Jsoup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Safelist;

/**
 * The HTML of a document is the author's, and authors paste anything: only a known-safe subset
 * reaches readers. Scripts, event handlers, {@code javascript:} URLs, iframes and styles are
 * dropped; HTML comments too, since authors hide private notes in them.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("del", "s", "ins", "mark", "kbd", "samp", "var", "hr", "figure", "figcaption", "details", "summary", "abbr")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("code", "class").addAttributes("pre", "class")
            .addAttributes("th", "align").addAttributes("td", "align")
            .addAttributes("a", "title", "id", "class")
            // Footnotes: references and their back-links jump by id.
            .addAttributes("sup", "id").addAttributes("li", "id", "class").addAttributes("div", "class")
            // Task lists: read-only checkboxes (no form can be submitted: form is not allowed).
            .addTags("input").addAttributes("input", "type", "checked", "disabled", "readonly", "class")
            .addAttributes("abbr", "title")
            .preserveRelativeLinks(true);

    // Relative links are kept as written; the base only lets jsoup tell relative from absolute.
    private static final String BASE = "https://inkstream.invalid/";
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private static final Tag A = Tag.valueOf("a");
    private static final Tag IMG = Tag.valueOf("img");

    /** The sanitised HTML, and every link and image destination left in it, before rewriting. */
    public record Sanitized(String html, List<String> destinations) {}

    /**
     * Whether the sanitiser keeps {@code url} as the {@code attribute} of a {@code tag}
     * ({@code a href} or {@code img src}, the only URL attributes Markdown writes): the same protocol check, made on one value, for HTML
     * that never needs parsing because it was written by the Markdown renderer.
     */
    static boolean allowsUrl(String tag, String attribute, String url) {
        Tag known = tag.equals("img") ? IMG : A;
        if (isPlainRelative(url)) {
            // What the check below says of these, without building a URL: a relative path
            // resolves against the https base. Most links of a site are such paths.
            return true;
        }
        // The check resolves the value against the element's base URI, as it does while cleaning.
        Element element = new Element(known, BASE).attr(attribute, url);
        return SAFELIST.isSafeAttribute(known.getName(), element, element.attribute(attribute));
    }

    /**
     * No scheme (no {@code :} at all), no authority ({@code //host}, whose bad forms make
     * resolving fail), nothing that resolving strips or reads as a slash.
     */
    private static boolean isPlainRelative(String url) {
        if (url.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':' || c == '\\' || c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    public static String sanitize(String html) {
        return sanitize(html, UnaryOperator.identity()).html();
    }

    /**
     * Sanitises {@code html}, then passes every remaining link and image destination through
     * {@code rewriteUrl}: those written in Markdown and those in raw HTML ({@code <img src>} in a
     * README) alike. Footnote references are in-page plumbing, not the author's links.
     */
    public static Sanitized sanitize(String html, UnaryOperator<String> rewriteUrl) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, BASE));
        // Inputs are allowed for task list checkboxes only: a pasted password box must not
        // survive to phish readers, even without a form around it.
        clean.select("input:not([type=checkbox])").remove();
        List<String> destinations = new ArrayList<>();
        for (Element element : clean.select("a[href], img[src]")) {
            if (element.hasClass("footnote-ref") || element.hasClass("footnote-backref")) {
                continue;
            }
            String attribute = element.nameIs("img") ? "src" : "href";
            String url = element.attr(attribute);
            destinations.add(url);
            element.attr(attribute, rewriteUrl.apply(url));
        }
        clean.outputSettings(OUTPUT);
        return new Sanitized(clean.body().html(), destinations);
    }

    private HtmlSanitizer() {}
}
