package dev.inkstream.render.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date forms authors write: ISO-8601 with or without offset, Hexo's {@code 2025-03-25 20:44:17},
 * and date-only. Times without an offset are taken as UTC.
 */
final class Dates {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final Pattern DATED_FOLDER = Pattern.compile("(?:^|/)(\\d{4}-\\d{2}-\\d{2})(?:[/_-]|$)");

    /**
     * Each form with what a value must contain to be of that form, so a value is only handed to
     * the parsers that could read it: a failed parse throws, which costs more than the parse.
     * ISO date-times are read case-insensitively, so their separator may be {@code t} too.
     */
    private record Form(Predicate<String> possible, Function<String, Instant> parse) {}

    private static final Predicate<String> ISO_SEPARATOR = s -> s.indexOf('T') >= 0 || s.indexOf('t') >= 0;

    private static final List<Form> FORMS = List.of(
            new Form(ISO_SEPARATOR, s -> OffsetDateTime.parse(s).toInstant()),
            new Form(ISO_SEPARATOR, s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC)),
            new Form(s -> s.indexOf(' ') >= 0, s -> LocalDateTime.parse(s, SPACED).toInstant(ZoneOffset.UTC)),
            new Form(s -> true, s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)));

    static Optional<Instant> parse(String value) {
        String v = value.strip();
        for (Form form : FORMS) {
            if (!form.possible().test(v)) {
                continue;
            }
            try {
                return Optional.of(form.parse().apply(v));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** The date in a {@code YYYY-MM-DD} folder or file name prefix, as dated blogs lay out posts. */
    static Optional<Instant> fromPath(String path) {
        Matcher m = DATED_FOLDER.matcher(path);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    private Dates() {}
}
