package dev.inkstream.publish.output;

import java.net.FileNameMap;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** The Content-Type of a published asset, from its file name. */
final class MediaTypes {

    // The JDK's table misses or mislabels the types web sites use most.
    private static final Map<String, String> WEB = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("xml", "application/xml"),
            Map.entry("yaml", "text/plain; charset=utf-8"),
            Map.entry("yml", "text/plain; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"));
    private static final FileNameMap JDK = URLConnection.getFileNameMap();

    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = WEB.get(extension);
        if (type == null) {
            type = JDK.getContentTypeFor(name);
        }
        return type == null ? "application/octet-stream" : type;
    }

    private MediaTypes() {}
}
