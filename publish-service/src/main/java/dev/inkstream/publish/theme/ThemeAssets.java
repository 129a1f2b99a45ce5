package dev.inkstream.publish.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The theme's stylesheet and script, named by their content hash ({@code assets/site.3f2a9c1d.css})
 * so they can be cached for ever: a new theme version is a new name, never a stale file.
 *
 * <p>Code highlighting is highlight.js from its WebJar, with its GitHub light and dark styles
 * folded into the stylesheet under {@code prefers-color-scheme}.
 */
public final class ThemeAssets {

    /** One asset: its key under the site and its bytes. */
    public record Asset(String key, byte[] content, String contentType) {}

    private static final String WEBJAR = "META-INF/resources/webjars/highlightjs/";

    private final Asset stylesheet;
    private final Asset script;

    private ThemeAssets(Asset stylesheet, Asset script) {
        this.stylesheet = stylesheet;
        this.script = script;
    }

    /** The assets of the built-in theme, read from the classpath. */
    public static ThemeAssets builtIn() {
        String highlight = WEBJAR + highlightJsVersion() + "/";
        // The theme's rules come last, so they win over highlight.js's block padding and background.
        String css = "@media (prefers-color-scheme: light) {\n" + resource(highlight + "styles/github.min.css") + "\n}\n"
                + "@media (prefers-color-scheme: dark) {\n" + resource(highlight + "styles/github-dark.min.css") + "\n}\n"
                + resource("templates/inkstream/assets/site.css");
        // One request for the highlighter and its start: pages load it with defer, so it runs after parsing.
        String js = resource(highlight + "highlight.min.js") + "\n;hljs.highlightAll();\n";
        return new ThemeAssets(hashed("site", "css", css, "text/css; charset=utf-8"),
                hashed("highlight", "js", js, "text/javascript; charset=utf-8"));
    }

    public Asset stylesheet() {
        return stylesheet;
    }

    public Asset script() {
        return script;
    }

    public List<Asset> all() {
        return List.of(stylesheet, script);
    }

    /** Changes whenever any asset does: part of what a cached page depends on. */
    public String version() {
        return stylesheet.key() + "|" + script.key();
    }

    static Asset hashed(String name, String extension, String text, String contentType) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
            return new Asset("assets/" + name + "." + hash + "." + extension, bytes, contentType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String highlightJsVersion() {
        try (InputStream in = stream("META-INF/maven/org.webjars/highlightjs/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = ThemeAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("theme resource " + name + " is missing from the classpath");
        }
        return in;
    }
}
