package dev.inkstream.ingest.git;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import java.util.stream.Stream;

/**
 * Which files of a repository enter the pipeline. Some are left out silently because they are
 * not content (hidden files, {@code .github/}, {@code node_modules/}, what the site config
 * excludes); others are refused with a diagnostic the author sees, because the author
 * probably meant them to be published (symlinks, submodules, oversized files, unsafe names).
 */
public final class ContentRules {

    /** Left out unless the site config includes them. */
    static final List<String> DEFAULT_EXCLUDES = List.of(
            "**/node_modules/**", "node_modules/**", ".*/**", "**/.*/**", ".*", "**/.*");

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final long maxFileBytes;

    /**
     * @param includes globs a file must match to be published; empty means every file
     * @param excludes globs added to {@link #DEFAULT_EXCLUDES}
     */
    public ContentRules(List<String> includes, List<String> excludes, long maxFileBytes) {
        this.includes = includes.stream().map(ContentRules::glob).toList();
        this.excludes = Stream.concat(DEFAULT_EXCLUDES.stream(), excludes.stream())
                .map(ContentRules::glob).toList();
        this.maxFileBytes = maxFileBytes;
    }

    public static ContentRules defaults(long maxFileBytes) {
        return new ContentRules(List.of(), List.of(), maxFileBytes);
    }

    /**
     * Not content: never published, nothing to report. The site config always enters (it is what
     * says the globs), and {@code include} does not apply to layouts: narrowing the content to
     * {@code content/**} must not drop the templates that present it.
     */
    public boolean excluded(String path) {
        DocumentKind kind = DocumentKinds.of(path);
        if (kind == DocumentKind.CONFIG) {
            return false;
        }
        Path p = Path.of(path);
        if (kind != DocumentKind.LAYOUT && !includes.isEmpty() && includes.stream().noneMatch(m -> m.matches(p))) {
            return true;
        }
        return excludes.stream().anyMatch(m -> m.matches(p));
    }

    /** Why a file that looks like content is not published, if it is not. */
    public Optional<Diagnostic> refusal(String path, FileMode mode, long size) {
        if (FileMode.GITLINK.equals(mode)) {
            return Optional.of(Diagnostic.warning("submodule-skipped",
                    path + " is a git submodule; submodules are not published"));
        }
        if (FileMode.SYMLINK.equals(mode)) {
            return Optional.of(Diagnostic.warning("symlink-skipped",
                    path + " is a symbolic link; links are never followed, publish the file itself"));
        }
        Optional<String> unsafe = unsafeName(path);
        if (unsafe.isPresent()) {
            return Optional.of(Diagnostic.error("unsafe-path", unsafe.get()));
        }
        if (size > maxFileBytes) {
            return Optional.of(Diagnostic.error("file-too-large", path + " is " + size + " bytes; files over "
                    + maxFileBytes + " bytes are not published"));
        }
        return Optional.empty();
    }

    /** Names that could escape the site, fool a reader or a file system, or reach git's internals. */
    static Optional<String> unsafeName(String path) {
        if (path.startsWith("/") || path.contains("\\")) {
            return Optional.of("'" + printable(path) + "' is absolute or contains a backslash");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return Optional.of("'" + printable(path) + "' has an empty, '.' or '..' component");
            }
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.equals(".git") || lower.startsWith("git~")) {
                return Optional.of("'" + printable(path) + "' reaches into git's own files");
            }
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))) {
            return Optional.of("'" + printable(path) + "' contains control characters");
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            return Optional.of("'" + printable(path) + "' is not in Unicode NFC form; rename it to "
                    + "'" + Normalizer.normalize(path, Normalizer.Form.NFC) + "'");
        }
        return Optional.empty();
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
