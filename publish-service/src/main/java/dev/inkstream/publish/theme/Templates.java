package dev.inkstream.publish.theme;

import dev.inkstream.events.Diagnostic;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The site's templates: the theme's ({@code templates/inkstream/*.peb}), each overridable by a
 * {@code layouts/<name>.peb} of the content repository. Autoescaping is on everywhere.
 *
 * <p>A user template that does not parse or fails while rendering never costs the page: the page
 * is rendered with the theme's template instead, and a {@code template-error} diagnostic names the
 * template file and line.
 */
public final class Templates {

    private static final String LAYOUTS = "layouts/";
    private static final String SUFFIX = ".peb";

    private final PebbleEngine theme;
    private final PebbleEngine site;
    /** Template name to the repository path of the layout that overrides it. */
    private final Map<String, String> overrides;
    private final String version;

    /**
     * @param layouts repository path ({@code layouts/page.peb}) to template text; files that are not
     *                {@code .peb} directly under {@code layouts/} are not ours (a Hugo site's Go
     *                templates, say) and are ignored
     */
    public Templates(Map<String, String> layouts) {
        this.theme = engine(List.of(classpath()));
        Map<String, String> overrides = new TreeMap<>();
        MemoryLoader user = new MemoryLoader();
        layouts.forEach((path, text) -> {
            String name = path.substring(LAYOUTS.length());
            if (path.startsWith(LAYOUTS) && name.endsWith(SUFFIX) && !name.contains("/")) {
                String template = name.substring(0, name.length() - SUFFIX.length());
                user.addTemplate(template, text);
                overrides.put(template, path);
            }
        });
        this.overrides = Map.copyOf(overrides);
        this.site = overrides.isEmpty() ? theme : engine(List.of(user, classpath()));
        this.version = ThemeAssets.hashed("layouts", "peb", new TreeMap<>(layouts).toString(), "text/plain").key();
    }

    /** Changes whenever a layout does: part of what a cached page depends on. */
    public String version() {
        return version;
    }

    /**
     * Renders {@code name}: with the site's layouts, else, when one of them fails, with the theme
     * alone, reporting the failure to {@code problems}.
     */
    public String render(String name, Map<String, Object> context, Consumer<Diagnostic> problems) {
        if (site == theme) {
            return evaluate(theme, name, context);
        }
        try {
            return evaluate(site, name, context);
        } catch (RuntimeException e) {
            // Pebble wraps most failures with the template and line; a filter's own exception has neither.
            problems.accept(e instanceof PebbleException pebble ? templateError(pebble)
                    : templateError(new PebbleException(e, e.toString())));
            return evaluate(theme, name, context);
        }
    }

    private Diagnostic templateError(PebbleException e) {
        String path = Optional.ofNullable(e.getFileName()).map(overrides::get).orElseGet(() ->
                overrides.values().stream().sorted().findFirst().orElse(LAYOUTS));
        Integer line = e.getLineNumber();
        String message = path + (line == null ? "" : " line " + line) + ": " + firstLine(e.getPebbleMessage())
                + "; pages it renders use the default template until it is fixed";
        return new Diagnostic(Diagnostic.Severity.ERROR, "template-error", message, line, null, path, null);
    }

    private static String evaluate(PebbleEngine engine, String name, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(name).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Loader<?> classpath() {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix("templates/inkstream");
        loader.setSuffix(SUFFIX);
        return loader;
    }

    private static PebbleEngine engine(List<Loader<?>> loaders) {
        Loader<?> loader = loaders.size() == 1 ? loaders.getFirst() : new DelegatingLoader(loaders);
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false)
                .newLineTrimming(false).build();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
