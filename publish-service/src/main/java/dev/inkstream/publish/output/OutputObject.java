package dev.inkstream.publish.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One object of a site, before upload: key relative to the site's prefix, bytes (or, for an
 * asset, the store key to copy them from), headers, the content hash that decides whether it
 * needs uploading at all, and its role, which decides when it is uploaded and how long it is cached.
 */
public record OutputObject(String key, byte[] content, @Nullable String copyFrom, String contentType, String cacheControl,
                           String sha256, Role role) {

    /** What an object is to the site, in upload order: nothing may link to an object not yet there. */
    public enum Role {
        /** Files published as they are: images, stylesheets, downloads. */
        ASSET,
        /** One document's page. */
        PAGE,
        /** Pages made from many documents: home, lists, tag pages, 404. */
        AGGREGATE,
        /** Machine-read outputs: feeds, sitemaps, robots.txt. */
        FEED,
        /** The release's own records under {@code _inkstream/}. */
        MANIFEST;

        /** The role an object has by its key alone, for outputs made without saying. */
        public static Role ofKey(String key) {
            if (key.startsWith("_inkstream/")) {
                return MANIFEST;
            }
            if (key.equals("index.html") || key.equals("404.html") || key.startsWith("tags/")
                    || key.startsWith("categories/") || key.startsWith("page/") || key.startsWith("_status/")) {
                return AGGREGATE;
            }
            if (key.endsWith(".html")) {
                return PAGE;
            }
            if (key.endsWith(".xml") || key.endsWith(".json") || key.equals("robots.txt")) {
                return FEED;
            }
            return ASSET;
        }
    }

    public OutputObject(String key, byte[] content, @Nullable String copyFrom, String contentType, String cacheControl,
                        String sha256) {
        this(key, content, copyFrom, contentType, cacheControl, sha256, Role.ofKey(key));
    }

    public static OutputObject of(String key, byte[] content, String contentType, String cacheControl, Role role) {
        return new OutputObject(key, content, null, contentType, cacheControl, sha256(content, contentType, cacheControl),
                role);
    }

    /** Bytes whose role follows from their key ({@link Role#ofKey}). */
    public static OutputObject of(String key, byte[] content, String contentType, String cacheControl) {
        return of(key, content, contentType, cacheControl, Role.ofKey(key));
    }

    /**
     * An asset copied inside the store from its claim-check blob. Its hash is that of the blob id
     * (a git blob id is itself a content hash) and the headers.
     */
    public static OutputObject copy(String key, String blobKey, String blobId, String contentType, String cacheControl) {
        return new OutputObject(key, new byte[0], blobKey, contentType, cacheControl,
                sha256(("blob:" + blobId).getBytes(StandardCharsets.UTF_8), contentType, cacheControl), Role.ASSET);
    }

    public static OutputObject html(String key, String html, String cacheControl, Role role) {
        return of(key, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", cacheControl, role);
    }

    public static OutputObject html(String key, String html, String cacheControl) {
        return html(key, html, cacheControl, Role.ofKey(key));
    }

    /** The same object with another role. */
    public OutputObject withRole(Role role) {
        return new OutputObject(key, content, copyFrom, contentType, cacheControl, sha256, role);
    }

    /**
     * The same object with other headers. Its hash follows: headers are part of what is uploaded,
     * so a changed Cache-Control must be uploaded too.
     */
    public OutputObject withHeaders(String contentType, String cacheControl) {
        if (contentType.equals(this.contentType) && cacheControl.equals(this.cacheControl)) {
            return this;
        }
        byte[] hashed = copyFrom == null ? content
                : ("blob:" + copyFrom.substring(copyFrom.lastIndexOf('/') + 1)).getBytes(StandardCharsets.UTF_8);
        return new OutputObject(key, content, copyFrom, contentType, cacheControl, sha256(hashed, contentType, cacheControl),
                role);
    }

    /** The hash covers the headers too: a changed Cache-Control must be uploaded as well. */
    private static String sha256(byte[] content, String contentType, String cacheControl) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content);
            digest.update((byte) 0);
            digest.update(contentType.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(cacheControl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
