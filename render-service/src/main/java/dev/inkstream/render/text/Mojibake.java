package dev.inkstream.render.text;

import dev.inkstream.events.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that was UTF-8, read once as Mac Roman or Windows-1252 and saved again: {@code 📫}
 * becomes {@code üì´}, {@code é} becomes {@code Ã©}. A run of non-ASCII characters is
 * reported when encoding it back to one of those charsets gives valid UTF-8 of other
 * characters; genuine accents ({@code Zürich}) and CJK never do.
 */
public final class Mojibake {

    private static final Pattern NON_ASCII_RUN = Pattern.compile("[^\\x00-\\x7F]{2,}");
    // Windows-1252 first: it is the common culprit, and a pair like 'Ã©' is also valid Mac Roman
    // for a lone combining mark, which no author meant.
    static final List<Charset> SUSPECTS = List.of(Charset.forName("windows-1252"), Charset.forName("x-MacRoman"));
    private static final int MAX_REPORTED = 5;
    /** CJK punctuation, kana and the unified ideographs: no character of either suspect charset is in this range. */
    static final char CJK_FIRST = '\u3000';
    static final char CJK_LAST = '\u9FFF';

    /** A warning for each suspicious run (up to a few), with the likely intended text as suggestion. */
    public static List<Diagnostic> find(String text, int firstLine) {
        return scan(text, firstLine, false).diagnostics();
    }

    /** The text with every suspicious run replaced by its repair, and an info note for each (up to a few). */
    public static Repaired fix(String text, int firstLine) {
        return scan(text, firstLine, true);
    }

    public record Repaired(String text, List<Diagnostic> diagnostics) {}

    private static Repaired scan(String text, int firstLine, boolean fix) {
        if (!hasNonAsciiRun(text)) {
            return new Repaired(text, List.of());
        }
        List<Diagnostic> found = new ArrayList<>();
        StringBuilder repairedText = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && (fix || found.size() < MAX_REPORTED); i++) {
            String line = lines[i];
            if (!hasNonAsciiRun(line)) {
                // Nothing here for the regex to find (it needs two non-ASCII characters in a row);
                // the line is kept as it is, when the repaired text is wanted at all.
                if (fix) {
                    repairedText.append(line);
                    if (i < lines.length - 1) {
                        repairedText.append('\n');
                    }
                }
                continue;
            }
            Matcher run = NON_ASCII_RUN.matcher(line);
            int copied = 0;
            while (run.find() && (fix || found.size() < MAX_REPORTED)) {
                for (Charset charset : hasCjk(run.group()) ? List.<Charset>of() : SUSPECTS) {
                    Optional<String> repaired = repair(run.group(), charset);
                    if (repaired.isPresent()) {
                        if (found.size() < MAX_REPORTED) {
                            found.add(diagnostic(run.group(), repaired.get(), charset, fix, firstLine + i, run.start() + 1));
                        }
                        repairedText.append(line, copied, run.start()).append(repaired.get());
                        copied = run.end();
                        break;
                    }
                }
            }
            repairedText.append(line, copied, line.length());
            if (i < lines.length - 1) {
                repairedText.append('\n');
            }
        }
        return new Repaired(fix ? repairedText.toString() : text, found);
    }

    /** Whether {@link #NON_ASCII_RUN} can match at all: most pages are ASCII or have lone accents. */
    private static boolean hasNonAsciiRun(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80 && text.charAt(i - 1) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the run holds a CJK character, which neither suspect charset can encode: such a run
     * is never a repair, and is turned down here without an encoder and its exception.
     */
    static boolean hasCjk(String run) {
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= CJK_FIRST && c <= CJK_LAST) {
                return true;
            }
        }
        return false;
    }

    private static Diagnostic diagnostic(String run, String repaired, Charset charset, boolean fixed, int line, int column) {
        String what = "'" + run + "' looks like '" + repaired + "' that was decoded as " + charset.displayName();
        Diagnostic diagnostic = fixed
                ? Diagnostic.at(Diagnostic.Severity.INFO, "mojibake", what + "; published as '" + repaired
                        + "' (fix-mojibake is on); re-save the file as UTF-8", line, column)
                : Diagnostic.at(Diagnostic.Severity.WARNING, "mojibake", what + "; re-save the file as UTF-8", line, column);
        return diagnostic.withSuggestion(repaired);
    }

    static Optional<String> repair(String run, Charset charset) {
        try {
            ByteBuffer bytes = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(run));
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            boolean implausible = utf8.equals(run) || utf8.chars().allMatch(c -> c < 0x80)
                    || Character.getType(utf8.codePointAt(0)) == Character.NON_SPACING_MARK;
            return implausible ? Optional.empty() : Optional.of(utf8);
        } catch (CharacterCodingException notMojibake) {
            return Optional.empty();
        }
    }

    private Mojibake() {}
}
