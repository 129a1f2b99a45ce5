package dev.inkstream.render.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.NotNull;

/**
 * flexmark's GFM autolinks ({@code https://…}, {@code www.…}, {@code someone@example.org}),
 * asked only about text that could hold one. The extension unescapes every text node and runs a
 * link scanner and a regex over it: a sixth of parsing a page of prose that has no bare link.
 * A link needs a {@code :} (a scheme), an {@code @} (an address) or {@code www}; an entity or a
 * backslash escape could spell one of those, so text with {@code &} or {@code \} is asked too.
 *
 * <p>The extension registers a node post-processor, for which flexmark first classifies every
 * node of the document (an ordered set, ancestry bit sets) only to hand it back the text nodes.
 * Here one walk of the tree collects them instead, in the same order (depth first, parents
 * before children), and each goes to the extension's own processor as flexmark would hand it
 * over: nodes the processor inserts are not visited again, and it is the only post-processor of
 * this parser, so no other one needs to be told of them.
 */
final class Autolinks implements Parser.ParserExtension {

    private final AutolinkExtension autolinks = AutolinkExtension.create();

    static Autolinks create() {
        return new Autolinks();
    }

    private Autolinks() {}

    @Override
    public void parserOptions(MutableDataHolder options) {
        autolinks.parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessorFactory(new Factory());
    }

    /** Whether {@code text} could hold a link the extension would find. */
    static boolean mayHoldLink(CharSequence text) {
        int ws = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@' || c == '&' || c == '\\') {
                return true;
            }
            ws = c == 'w' || c == 'W' ? ws + 1 : 0;
            if (ws == 3) {
                return true;
            }
        }
        return false;
    }

    /** Text nodes below {@code parent} that could hold a link, depth first. */
    private static void collect(Node parent, List<Node> into) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            // Exactly Text, as the extension asks for: flexmark classifies nodes by their class.
            if (child.getClass() == Text.class) {
                if (mayHoldLink(child.getChars())) {
                    into.add(child);
                }
            } else if (child.getFirstChild() != null) {
                collect(child, into);
            }
        }
    }

    private static final class Factory extends DocumentPostProcessorFactory {
        @Override
        public @NotNull DocumentPostProcessor apply(@NotNull Document document) {
            return new DocumentPostProcessor() {
                @Override
                public @NotNull Document processDocument(@NotNull Document document) {
                    List<Node> candidates = new ArrayList<>();
                    collect(document, candidates);
                    if (candidates.isEmpty()) {
                        return document;
                    }
                    AutolinkNodePostProcessor links = new AutolinkNodePostProcessor(document);
                    for (Node text : candidates) {
                        if (text.getParent() != null) {
                            links.process(UNTRACKED, text);
                        }
                    }
                    return document;
                }
            };
        }
    }

    /** No other post-processor follows, so what the extension adds or removes needs no tracking. */
    private static final NodeTracker UNTRACKED = new NodeTracker() {
        @Override
        public void nodeAdded(@NotNull Node node) {}

        @Override
        public void nodeAddedWithChildren(@NotNull Node node) {}

        @Override
        public void nodeAddedWithDescendants(@NotNull Node node) {}

        @Override
        public void nodeRemoved(@NotNull Node node) {}

        @Override
        public void nodeRemovedWithChildren(@NotNull Node node) {}

        @Override
        public void nodeRemovedWithDescendants(@NotNull Node node) {}
    };
}
