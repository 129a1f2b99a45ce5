package dev.inkstream.render.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * GitHub's alerts: a blockquote opening with {@code [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]},
 * {@code [!WARNING]} or {@code [!CAUTION]} becomes {@code <div class="markdown-alert
 * markdown-alert-note">} with a title, GitHub's own markup. Applied to sanitised HTML: it only
 * adds fixed attributes, so it cannot let anything unsafe through.
 */
public final class GitHubAlerts {

    private static final Pattern MARKER = Pattern.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*",
            Pattern.CASE_INSENSITIVE);

    public static String apply(String html) {
        if (!html.contains("[!")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element quote : document.select("blockquote")) {
            Element first = quote.firstElementChild();
            if (first == null || !first.tagName().equals("p") || !(first.childNode(0) instanceof TextNode text)) {
                continue;
            }
            Matcher marker = MARKER.matcher(text.getWholeText());
            if (!marker.find()) {
                continue;
            }
            String kind = marker.group(1).toLowerCase(Locale.ROOT);
            text.text(text.getWholeText().substring(marker.end()));
            if (first.text().isBlank() && first.childrenSize() == 0) {
                first.remove();
            }
            Element alert = new Element("div").addClass("markdown-alert").addClass("markdown-alert-" + kind);
            alert.appendElement("p").addClass("markdown-alert-title")
                    .text(Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
            alert.insertChildren(1, quote.childNodesCopy());
            quote.replaceWith(alert);
            changed = true;
        }
        return changed ? document.body().html() : html;
    }

    private GitHubAlerts() {}
}
