package dev.inkstream.render.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * flexmark's GFM tables, with one table pre-processor per parser instead of one per document.
 * The extension's factory makes a pre-processor for every document parsed, and each compiles its
 * header-separator regex from the options: a regex compile per page, a tenth of what tables cost.
 * The pre-processor keeps nothing of a document (its fields are the options and that regex, set
 * once), and a document's options are its parser's, so one made from the first document serves
 * every other, on any thread.
 */
final class Tables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = TablesExtension.create();

    static Tables create() {
        return new Tables();
    }

    private Tables() {}

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {
        tables.rendererOptions(options);
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.paragraphPreProcessorFactory(new SharedPreProcessor(TableParagraphPreProcessor.Factory()));
    }

    @Override
    public void extend(@NotNull HtmlRenderer.Builder renderer, @NotNull String rendererType) {
        tables.extend(renderer, rendererType);
    }

    /** The extension's factory, asked once. */
    private static final class SharedPreProcessor implements ParagraphPreProcessorFactory {

        private final ParagraphPreProcessorFactory factory;
        // Made at most a few times if threads race for it; any one of them will do.
        private volatile @Nullable ParagraphPreProcessor shared;

        SharedPreProcessor(ParagraphPreProcessorFactory factory) {
            this.factory = factory;
        }

        @Override
        public @NotNull ParagraphPreProcessor apply(@NotNull ParserState state) {
            ParagraphPreProcessor made = shared;
            if (made == null) {
                made = factory.apply(state);
                shared = made;
            }
            return made;
        }

        @Override
        public @Nullable Set<Class<?>> getAfterDependents() {
            return factory.getAfterDependents();
        }

        @Override
        public @Nullable Set<Class<?>> getBeforeDependents() {
            return factory.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return factory.affectsGlobalScope();
        }
    }
}
