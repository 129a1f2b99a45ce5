package dev.inkstream.render.markdown.highlight;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * {@code ==highlight==} as Obsidian, Typora and Hexo's markdown-it-mark write it, rendered as
 * {@code <mark>}. flexmark has no extension for it; this follows its strikethrough extension:
 * a delimiter run of exactly two {@code =} that is left-flanking opens, right-flanking closes.
 */
public final class HighlightExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    public static HighlightExtension create() {
        return new HighlightExtension();
    }

    private HighlightExtension() {}

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder parser) {
        parser.customDelimiterProcessor(new HighlightDelimiters());
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer, String rendererType) {
        if (renderer.isRendererType("HTML")) {
            renderer.nodeRendererFactory(options -> new HighlightRenderer());
        }
    }

    private static final class HighlightDelimiters implements DelimiterProcessor {
        @Override
        public char getOpeningCharacter() {
            return '=';
        }

        @Override
        public char getClosingCharacter() {
            return '=';
        }

        @Override
        public int getMinLength() {
            return 2;
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return opener.length() == 2 && closer.length() == 2 ? 2 : 0;
        }

        @Override
        public void process(Delimiter opener, Delimiter closer, int delimitersUsed) {
            Highlight highlight = new Highlight(opener.getTailChars(delimitersUsed), BasedSequence.NULL,
                    closer.getLeadChars(delimitersUsed));
            opener.moveNodesBetweenDelimitersTo(highlight, closer);
        }

        @Override
        public Node unmatchedDelimiterNode(InlineParser inlineParser, DelimiterRun delimiter) {
            return null;
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation,
                                   boolean beforeIsWhitespace, boolean afterIsWhiteSpace) {
            return leftFlanking;
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation,
                                   boolean beforeIsWhitespace, boolean afterIsWhiteSpace) {
            return rightFlanking;
        }

        @Override
        public boolean skipNonOpenerCloser() {
            return false;
        }
    }

    private static final class HighlightRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Highlight.class, HighlightRenderer::render));
        }

        private static void render(Highlight node, NodeRendererContext context, HtmlWriter html) {
            html.withAttr().tag("mark");
            context.renderChildren(node);
            html.tag("/mark");
        }
    }
}
