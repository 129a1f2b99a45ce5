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
    private static final List<Charset> SUSPECTS = List.of(Charset.forName("windows-1252"), Charset.forName("x-MacRoman"));
    private static final int MAX_REPORTED = 5;

    public static List<Diagnostic> find(String text, int firstLine) {
        List<Diagnostic> found = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size() && found.size() < MAX_REPORTED; i++) {
            Matcher run = NON_ASCII_RUN.matcher(lines.get(i));
            while (run.find() && found.size() < MAX_REPORTED) {
                for (Charset charset : SUSPECTS) {
                    Optional<String> repaired = repair(run.group(), charset);
                    if (repaired.isPresent()) {
                        found.add(Diagnostic.at(Diagnostic.Severity.WARNING, "mojibake",
                                "'" + run.group() + "' looks like '" + repaired.get() + "' that was decoded as "
                                        + charset.displayName() + "; re-save the file as UTF-8",
                                firstLine + i, run.start() + 1));
                        break;
                    }
                }
            }
        }
        return found;
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
