package dev.inkstream.render.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.jetbrains.annotations.NotNull;

/**
 * flexmark's GFM autolinks ({@code https://…}, {@code www.…}, {@code someone@example.org}),
 * asked only about text that could hold one. The extension unescapes every text node and runs a
 * link scanner and a regex over it: a sixth of parsing a page of prose that has no bare link.
 * A link needs a {@code :} (a scheme), an {@code @} (an address) or {@code www}; an entity or a
 * backslash escape could spell one of those, so text with {@code &} or {@code \} is asked too.
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

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public @NotNull NodePostProcessor apply(@NotNull Document document) {
            AutolinkNodePostProcessor links = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(@NotNull NodeTracker state, @NotNull Node node) {
                    if (mayHoldLink(node.getChars())) {
                        links.process(state, node);
                    }
                }
            };
        }
    }
}
