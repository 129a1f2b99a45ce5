package dev.inkstream.publish.output;

import dev.inkstream.events.RenderedDocument;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What templates and feeds need to know about a page's text that render did not say: a plain
 * excerpt for {@code <meta name="description">}, the reading time, whether it shows code.
 */
record DocumentFacts(String excerpt, int readingMinutes, boolean hasCode) {

    private static final int EXCERPT = 160;
    /** Reading speeds: Latin words and CJK characters per minute. */
    private static final double WORDS_PER_MINUTE = 230;
    private static final double CJK_PER_MINUTE = 450;
    private static final Set<String> CJK_SCRIPTS = Set.of("HAN", "HIRAGANA", "KATAKANA", "HANGUL");

    static DocumentFacts of(RenderedDocument document) {
        Document html = Jsoup.parseBodyFragment(document.html());
        html.select("pre, script, style, nav.toc").remove();
        String text = html.text();
        String excerpt = text.length() <= EXCERPT ? text : text.substring(0, text.offsetByCodePoints(0,
                text.codePointCount(0, EXCERPT) - 1)).stripTrailing() + "…";
        return new DocumentFacts(excerpt, readingMinutes(document, text), !html.select("code").isEmpty()
                || document.html().contains("<pre"));
    }

    /**
     * From render's word count when it sent one (CJK characters counted as words there, so they
     * are split out by script), else estimated from the text.
     */
    private static int readingMinutes(RenderedDocument document, String text) {
        long cjk;
        long latin;
        if (document.structure() != null && document.structure().words() > 0) {
            Map<String, Integer> scripts = document.structure().scripts();
            cjk = scripts.entrySet().stream().filter(e -> CJK_SCRIPTS.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            latin = Math.max(0, document.structure().words() - cjk);
        } else {
            cjk = text.codePoints().filter(DocumentFacts::isCjk).count();
            latin = text.codePoints().map(c -> isCjk(c) ? ' ' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString().split("\\s+").length;
        }
        return (int) Math.max(1, Math.round(latin / WORDS_PER_MINUTE + cjk / CJK_PER_MINUTE));
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** The body with every link and image made absolute against the page's own URL, for feed readers. */
    static String absoluteHtml(String html, String pageUrl) {
        Document document = Jsoup.parseBodyFragment(html, pageUrl);
        for (Element element : document.select("[href], [src]")) {
            for (String attribute : new String[] {"href", "src"}) {
                if (element.hasAttr(attribute) && !element.attr(attribute).startsWith("#")) {
                    String absolute = element.absUrl(attribute);
                    if (!absolute.isEmpty()) {
                        element.attr(attribute, absolute);
                    }
                }
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
