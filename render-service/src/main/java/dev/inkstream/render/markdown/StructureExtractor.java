package dev.inkstream.render.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import dev.inkstream.events.Structure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a parsed Markdown document ({@link Structure}), read from flexmark's tree before
 * links are rewritten, so links and images are as the author wrote them (with entities decoded). Only running text
 * counts towards scripts and words: code, inline code and raw HTML do not.
 */
public final class StructureExtractor {

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
    private static final MessageDigest SHA_256 = sha256Prototype();

    private final Document document;
    private final int firstLine;
    /** The text the document was parsed from, when flexmark keeps it as a String: running text is copied from it by range. */
    private final @Nullable String source;
    private final LineIndex lines;
    private final List<Structure.Heading> headings = new ArrayList<>();
    private final List<Structure.CodeBlock> codeBlocks = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private final List<Integer> tables = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private StructureExtractor(Document document, int firstLine) {
        this.document = document;
        this.firstLine = firstLine;
        BasedSequence chars = document.getChars();
        this.source = chars.getBase() instanceof String base && chars.getStartOffset() == 0
                && chars.length() == base.length() ? base : null;
        this.lines = new LineIndex(source != null ? source : chars);
    }

    /**
     * @param document  parsed, with heading ids already generated
     * @param firstLine the file line the Markdown starts on (after front matter)
     */
    static Structure extract(Document document, int firstLine) {
        StructureExtractor extractor = new StructureExtractor(document, firstLine);
        extractor.visitChildren(document);
        return extractor.structure();
    }

    private void visitChildren(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            visit(child);
        }
    }

    private void visit(Node node) {
        switch (node) {
            case Heading heading -> headings.add(new Structure.Heading(heading.getLevel(), heading.getAnchorRefId(),
                    heading.getAnchorRefText().strip(), line(heading)));
            case FencedCodeBlock fenced -> {
                codeBlocks.add(new Structure.CodeBlock(fenced.getInfoDelimitedByAny(CharPredicate.WHITESPACE).toString(),
                        sha256(fenced.getContentChars().toString()), line(fenced)));
                return;
            }
            case IndentedCodeBlock indented -> {
                codeBlocks.add(new Structure.CodeBlock("", sha256(indented.getContentChars().toString()), line(indented)));
                return;
            }
            case Code ignored -> {
                return;
            }
            case HtmlBlockBase ignored -> {
                return;
            }
            case HtmlInlineBase ignored -> {
                return;
            }
            case Reference ignored -> {
                // Counted where it is used, as a link or an image.
                return;
            }
            case Image image -> images.add(destination(image.getUrl()));
            case Link link -> links.add(destination(link.getUrl()));
            case AutoLink autoLink -> links.add(destination(autoLink.getUrl()));
            case ImageRef ref -> referenced(ref.getReferenceNode(document), images);
            case LinkRef ref -> referenced(ref.getReferenceNode(document), links);
            case TableBlock table -> tables.add(columns(table));
            case Text t -> appendText(t.getChars());
            case SoftLineBreak ignored -> text.append(' ');
            case HardLineBreak ignored -> text.append(' ');
            default -> {
                // Other nodes only matter for what they contain.
            }
        }
        visitChildren(node);
        if (node instanceof Block) {
            text.append('\n');
        }
    }

    /**
     * Appends a text node's characters. Most are a plain range of the source: copied from the
     * String in one go rather than a character at a time through flexmark's sequence.
     */
    private void appendText(BasedSequence chars) {
        if (source != null && chars instanceof SubSequence && chars.getBase() == source) {
            text.append(source, chars.getStartOffset(), chars.getEndOffset());
        } else {
            text.append(chars);
        }
    }

    private static void referenced(Reference reference, List<String> into) {
        if (reference != null) {
            into.add(destination(reference.getUrl()));
        }
    }

    /** As written, with entities and backslash escapes decoded as CommonMark reads them. */
    private static String destination(BasedSequence url) {
        // What unescapeString answers when its pattern ([\\&]) finds nothing, without a regex.
        return url.indexOf('\\') < 0 && url.indexOf('&') < 0 ? url.toString() : Escaping.unescapeString(url);
    }

    private int line(Node node) {
        return firstLine + lines.lineOf(node.getStartOffset());
    }

    /** Columns of the header row: GFM makes every row that wide. */
    private static int columns(TableBlock table) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableHead && section.getFirstChild() instanceof TableRow row) {
                int cells = 0;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells += cell instanceof TableCell ? 1 : 0;
                }
                return cells;
            }
        }
        return 0;
    }

    /** A plain-text document has no headings, code or links; only its letters and words count. */
    public static Structure ofPlainText(String text) {
        return counted(List.of(), List.of(), List.of(), List.of(), List.of(), text);
    }

    private Structure structure() {
        return counted(headings, codeBlocks, links, images, tables, text);
    }

    private static Structure counted(List<Structure.Heading> headings, List<Structure.CodeBlock> codeBlocks,
                                     List<String> links, List<String> images, List<Integer> tables, CharSequence text) {
        // One copy into an array: the loop below then reads it without a call per character.
        char[] chars = new char[text.length()];
        if (text instanceof StringBuilder builder) {
            builder.getChars(0, chars.length, chars, 0);
        } else {
            text.toString().getChars(0, chars.length, chars, 0);
        }
        return counted(headings, codeBlocks, links, images, tables, chars);
    }

    private static Structure counted(List<Structure.Heading> headings, List<Structure.CodeBlock> codeBlocks,
                                     List<String> links, List<String> images, List<Integer> tables, char[] text) {
        // Counted by script ordinal (most letters are ASCII, which needs no lookup), named at the end.
        int[] letters = new int[SCRIPTS.length];
        int words = 0;
        boolean inWord = false;
        int asciiLetters = 0;
        for (int i = 0; i < text.length; ) {
            char ascii = text[i];
            if (ascii < 0x80) {
                // Most running text: the same rules as below without the Unicode tables.
                i++;
                if ((ascii >= 'a' && ascii <= 'z') || (ascii >= 'A' && ascii <= 'Z')) {
                    asciiLetters++;
                    words += inWord ? 0 : 1;
                    inWord = true;
                } else if (ascii >= '0' && ascii <= '9') {
                    words += inWord ? 0 : 1;
                    inWord = true;
                } else if (!(inWord && (ascii == '\'' || ascii == '-'))) {
                    inWord = false;
                }
                continue;
            }
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                letters[script.ordinal()]++;
                if (isWordPerCharacter(script)) {
                    words++;
                    inWord = false;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(c)) {
                words += inWord ? 0 : 1;
                inWord = true;
            } else if (!(inWord && (c == '\'' || c == '’' || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK))) {
                // An apostrophe, hyphen or combining mark inside a word continues it ("don't", "e-mail").
                inWord = false;
            }
        }
        letters[Character.UnicodeScript.LATIN.ordinal()] += asciiLetters;
        Map<String, Integer> scripts = new TreeMap<>();
        for (int i = 0; i < letters.length; i++) {
            if (letters[i] > 0) {
                scripts.put(SCRIPTS[i].name(), letters[i]);
            }
        }
        return new Structure(headings, codeBlocks, links, images, tables, scripts, words);
    }

    /**
     * Chinese and Japanese are written without spaces between words; each character is counted
     * as a word, as word counters for CJK text do. Korean separates words with spaces and is
     * counted like Latin.
     */
    private static boolean isWordPerCharacter(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static String sha256(String code) {
        // A clone of a prototype: looking the algorithm up among the providers costs more than hashing a block.
        try {
            MessageDigest digest = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
