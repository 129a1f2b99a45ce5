package dev.inkstream.publish.deploy;

import dev.inkstream.publish.output.OutputObject;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The HTTP headers each object is served with, decided by its role in one place: pages short
 * and revalidated, hashed assets forever, feeds short, the release's own records never cached.
 *
 * @param pageCacheControl        pages and aggregates (home, lists, tags, 404)
 * @param assetCacheControl       assets without a hash in their name
 * @param hashedAssetCacheControl assets with one: a new version is a new name
 * @param feedCacheControl        feeds, sitemaps, robots.txt
 * @param manifestCacheControl    everything under {@code _inkstream/}
 */
public record ObjectHeaders(String pageCacheControl, String assetCacheControl, String hashedAssetCacheControl,
                            String feedCacheControl, String manifestCacheControl) {

    /** A content hash of at least eight hex digits between dots: {@code app.3f9a1c2e.css}. */
    private static final Pattern HASHED_NAME = Pattern.compile("\\.[0-9a-f]{8,}\\.");

    public OutputObject apply(OutputObject object) {
        return object.withHeaders(contentType(object), cacheControl(object));
    }

    String cacheControl(OutputObject object) {
        return switch (object.role()) {
            case PAGE, AGGREGATE -> pageCacheControl;
            case ASSET -> isHashed(object.key()) ? hashedAssetCacheControl : assetCacheControl;
            case FEED -> feedCacheControl;
            case MANIFEST -> manifestCacheControl;
        };
    }

    static boolean isHashed(String key) {
        return HASHED_NAME.matcher(key.substring(key.lastIndexOf('/') + 1)).find();
    }

    /**
     * Text we generate is UTF-8 and says so, or browsers guess (Windows-1252 for text/plain in
     * many). An asset's bytes are the author's, so its type is left as the file name gave it.
     */
    static String contentType(OutputObject object) {
        String type = object.contentType();
        if (object.role() == OutputObject.Role.ASSET || type.toLowerCase(Locale.ROOT).contains("charset=")) {
            return type;
        }
        return isText(type) ? type + "; charset=utf-8" : type;
    }

    private static boolean isText(String type) {
        String media = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return media.startsWith("text/") || media.equals("application/json") || media.equals("application/xml")
                || media.endsWith("+xml") || media.endsWith("+json") || media.equals("application/javascript");
    }
}
