package dev.inkstream.render.markdown;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jetbrains.annotations.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * HTML that flexmark writes from Markdown alone, with no HTML of the author's in it, is safe by
 * construction: text is escaped, and the tags and attributes it writes are ones the sanitiser
 * keeps. What the author still controls there is the URL of a link or an image; those are checked
 * here, one value at a time, against the sanitiser's own protocol rule ({@link HtmlSanitizer#allowsUrl}),
 * and rewritten as the sanitiser would. Such a document then needs no HTML parse: for a page of
 * Markdown that was two thirds of the render stage's time.
 *
 * <p>Author HTML comments are the one kind of raw HTML allowed in, and dropped, as the sanitiser
 * drops them. Anything else (a {@code <img>}, a {@code <details>}, a stray {@code <b>}) sends the
 * whole document through {@link HtmlSanitizer}, since raw HTML may open a tag in one node and
 * close it in another.
 */
final class MarkdownOnlyHtml {

    /** Present while a Markdown-only document renders: its links, and what became of them. */
    static final NullableDataKey<Links> LINKS = new NullableDataKey<>("INKSTREAM_MARKDOWN_ONLY_LINKS");

    private MarkdownOnlyHtml() {}

    /** Whether {@code parent} holds raw HTML other than whole comments. */
    static boolean hasRawHtml(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlBlockBase || child instanceof HtmlInlineBase) {
                if (!isDroppedComment(child)) {
                    return true;
                }
            } else if (hasRawHtml(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A comment node whose whole text is one HTML comment. flexmark ends a comment block at the
     * line holding {@code -->} and keeps the rest of that line in the block, so
     * {@code <!-- x --> <script>} is a "comment block" that is not only a comment. HTML also ends a
     * comment at {@code <!-->}, {@code <!--->} and {@code --!>}: the first {@code -->} must be the last.
     */
    static boolean isDroppedComment(Node node) {
        if (!(node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment || node instanceof HtmlInnerBlockComment)) {
            return false;
        }
        String text = node.getChars().toString().strip();
        return text.startsWith("<!--") && text.endsWith("-->") && text.indexOf("-->", 2) == text.length() - 3
                && !text.contains("--!>");
    }

    /**
     * The links of one document: each {@code href} and {@code src} flexmark writes is checked,
     * dropped when the sanitiser would drop it, else recorded and rewritten.
     */
    static final class Links {

        private final UnaryOperator<String> rewriteUrl;
        private final List<String> destinations = new ArrayList<>();
        private int written;

        Links(UnaryOperator<String> rewriteUrl) {
            this.rewriteUrl = rewriteUrl;
        }

        List<String> destinations() {
            return destinations;
        }

        /**
         * Whether every {@code href} and {@code src} in {@code html} went through this check. Text
         * and attribute values are escaped ({@code "} as {@code &quot;}), so only an attribute can
         * spell {@code  href="}; a renderer that wrote a link without asking the attribute
         * providers would show up here as one too many.
         */
        boolean checkedEveryUrlIn(String html) {
            return occurrences(html, " href=\"") + occurrences(html, " src=\"") == written;
        }

        private void check(MutableAttributes attributes) {
            for (String attribute : List.of("href", "src")) {
                if (!attributes.contains(attribute)) {
                    continue;
                }
                String url = attributes.getValue(attribute);
                if (!HtmlSanitizer.allowsUrl(attribute.equals("src") ? "img" : "a", attribute, url)) {
                    attributes.remove(attribute);
                    continue;
                }
                written++;
                // Footnote references and back-links are in-page plumbing, not the author's links.
                String classes = attributes.getValue("class");
                if (!classes.contains("footnote-ref") && !classes.contains("footnote-backref")) {
                    destinations.add(url);
                    attributes.replaceValue(attribute, rewriteUrl.apply(url));
                }
            }
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** The attribute provider: a no-op unless the document being rendered carries {@link #LINKS}. */
    static final class UrlCheck extends IndependentAttributeProviderFactory {
        @Override
        public @NotNull AttributeProvider apply(@NotNull LinkResolverContext context) {
            @Nullable Links links = LINKS.get(context.getDocument());
            return links == null ? (node, part, attributes) -> {} : (node, part, attributes) -> links.check(attributes);
        }
    }

    /** Comments render as nothing in a Markdown-only document, as the sanitiser would leave them. */
    static final class CommentsDropped implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(HtmlCommentBlock.class, CommentsDropped::render),
                    new NodeRenderingHandler<>(HtmlInnerBlockComment.class, CommentsDropped::render),
                    new NodeRenderingHandler<>(HtmlInlineComment.class, CommentsDropped::render));
        }

        private static void render(Node node, NodeRendererContext context, HtmlWriter html) {
            if (LINKS.get(context.getDocument()) == null) {
                context.delegateRender();
            }
        }
    }
}
