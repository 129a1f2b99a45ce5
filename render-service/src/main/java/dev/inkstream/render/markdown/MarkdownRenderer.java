package dev.inkstream.render.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import org.jspecify.annotations.Nullable;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import dev.inkstream.render.markdown.highlight.HighlightExtension;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.inkstream.events.RenderedDocument.TocEntry;
import dev.inkstream.events.Structure;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * CommonMark plus GFM tables, strikethrough, autolinks and task lists, footnotes, and
 * {@code ==highlight==}, via flexmark, to HTML that is safe to publish. Parser and renderer are
 * built once, immutable and shared by every thread; a render is a pure function of the text.
 */
public final class MarkdownRenderer {

    /**
     * The body HTML, safe to publish; every link and image destination as written, before
     * rewriting; the first H1 if any, the headings, and the document's shape. {@code rawHtml}
     * says whether the document held HTML of its own and so went through {@link HtmlSanitizer}.
     */
    public record Result(String html, List<String> destinations, Optional<String> firstHeading, List<TocEntry> toc,
                         Structure structure, boolean rawHtml) {}

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = options();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options)
                // render() assigns the ids before rendering, as the table of contents needs them:
                // the renderer takes those instead of walking the document to make them again.
                .htmlIdGeneratorFactory(new AssignedIds.Factory())
                .attributeProviderFactory(new MarkdownOnlyHtml.UrlCheck())
                .nodeRendererFactory(dataHolder -> new MarkdownOnlyHtml.CommentsDropped())
                .build();
    }

    /** The flexmark configuration; the spec conformance test measures exactly this. */
    static MutableDataSet options() {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(Tables.create(), StrikethroughExtension.create(),
                        Autolinks.create(), HighlightExtension.create(), FootnoteExtension.create(),
                        TaskListExtension.create()))
                // GFM table semantics: header row required, column count from the header.
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                // GitHub's anchors: letters of any script kept (CJK too), lowercased, '_' kept,
                // spaces and '-' to '-', everything else (punctuation, emoji) dropped, "-1", "-2"
                // for repeats.
                .set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " -")
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS, "_")
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, false)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n");
    }

    /**
     * Renders {@code markdown}, which starts on line {@code firstLine} of its file, to safe HTML,
     * passing every link and image destination through {@code rewriteUrl}: those written in
     * Markdown and those in raw HTML ({@code <img src>} in a README) alike.
     */
    public Result render(String markdown, int firstLine, UnaryOperator<String> rewriteUrl) {
        Document document = parser.parse(markdown);
        // Ids are otherwise only assigned while rendering; the table of contents needs them first.
        new HeaderIdGenerator(document).generateIds(document);
        Structure structure = StructureExtractor.extract(document, firstLine);
        List<TocEntry> toc = structure.headings().stream()
                .map(h -> new TocEntry(h.level(), h.id(), h.text())).toList();
        Optional<String> firstHeading = toc.stream().filter(h -> h.level() == 1).map(TocEntry::text).findFirst();
        boolean rawHtml = MarkdownOnlyHtml.hasRawHtml(document);
        HtmlSanitizer.Sanitized html = rawHtml ? throughSanitizer(document, rewriteUrl) : markdownOnly(document, rewriteUrl);
        return new Result(html.html(), html.destinations(), firstHeading, toc, structure, rawHtml);
    }

    /**
     * The heading ids already on the document: the ones {@link HeaderIdGenerator} gave it, with
     * the same options, before rendering. An id for a text alone (which only flexmark's
     * formatter asks for) comes from a generator that has seen the whole document, as the
     * renderer's own would have.
     */
    private static final class AssignedIds implements HtmlIdGenerator {

        private final Document document;
        private @Nullable HeaderIdGenerator generator;

        AssignedIds(Document document) {
            this.document = document;
        }

        /** For the renderer; a generator made without a document is flexmark's own, as its factory makes it. */
        static final class Factory implements HeaderIdGeneratorFactory {
            @Override
            public HtmlIdGenerator create(LinkResolverContext context) {
                return new AssignedIds(context.getDocument());
            }

            @Override
            public HtmlIdGenerator create() {
                return new HeaderIdGenerator.Factory().create();
            }
        }

        @Override
        public void generateIds(Document document) {}

        @Override
        public @Nullable String getId(Node node) {
            return node instanceof AnchorRefTarget target ? target.getAnchorRefId() : null;
        }

        @Override
        public @Nullable String getId(CharSequence text) {
            if (generator == null) {
                generator = new HeaderIdGenerator.Factory().create();
                generator.generateIds(document);
            }
            return generator.getId(text);
        }
    }

    /** For callers that keep links as written. */
    public Result render(String markdown, int firstLine) {
        return render(markdown, firstLine, UnaryOperator.identity());
    }

    /** For callers without front matter: the Markdown is the whole file. */
    public Result render(String markdown) {
        return render(markdown, 1);
    }

    private HtmlSanitizer.Sanitized markdownOnly(Document document, UnaryOperator<String> rewriteUrl) {
        MarkdownOnlyHtml.Links links = new MarkdownOnlyHtml.Links(rewriteUrl);
        document.set(MarkdownOnlyHtml.LINKS, links);
        String html = renderer.render(document);
        document.remove(MarkdownOnlyHtml.LINKS);
        if (!links.checkedEveryUrlIn(html)) {
            // A link was written past the check: trust nothing of this rendering.
            return throughSanitizer(document, rewriteUrl);
        }
        return new HtmlSanitizer.Sanitized(html, List.copyOf(links.destinations()));
    }

    private HtmlSanitizer.Sanitized throughSanitizer(Document document, UnaryOperator<String> rewriteUrl) {
        return HtmlSanitizer.sanitize(renderer.render(document), rewriteUrl);
    }

    /** The whole rendering through {@link HtmlSanitizer}, as every document went before; for comparison. */
    HtmlSanitizer.Sanitized renderThroughSanitizer(String markdown, UnaryOperator<String> rewriteUrl) {
        Document document = parser.parse(markdown);
        new HeaderIdGenerator(document).generateIds(document);
        return throughSanitizer(document, rewriteUrl);
    }
}
