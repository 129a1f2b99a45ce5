package dev.inkstream.render.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
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

    public static String sanitize(String html) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, BASE));
        // Inputs are allowed for task list checkboxes only: a pasted password box must not
        // survive to phish readers, even without a form around it.
        clean.select("input:not([type=checkbox])").remove();
        clean.outputSettings(OUTPUT);
        return clean.body().html();
    }

    private HtmlSanitizer() {}
}
