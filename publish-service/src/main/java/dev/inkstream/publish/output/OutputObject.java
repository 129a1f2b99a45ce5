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

    /**
     * What an object is to the site. Deploy uploads in this order (nothing links to an object that
     * is not there yet) and caches by it.
     */
    public enum Role {
        /** A theme asset with a hashed name, or a file of the repository published as it is. */
        ASSET,
        /** The page of one document, or an alias redirecting to it. */
        PAGE,
        /** A page made from many documents: home, language homes, post lists, tag and category pages, 404. */
        AGGREGATE,
        /** Feeds, sitemaps and {@code robots.txt}: read by machines, made from many documents. */
        FEED,
        /** The release's own bookkeeping under {@code _inkstream/}. */
        MANIFEST
    }

    /** Without a role: objects made before roles existed are pages. */
    public OutputObject(String key, byte[] content, @Nullable String copyFrom, String contentType, String cacheControl,
                        String sha256) {
        this(key, content, copyFrom, contentType, cacheControl, sha256, Role.PAGE);
    }

    public static OutputObject of(String key, byte[] content, String contentType, String cacheControl, Role role) {
        return new OutputObject(key, content, null, contentType, cacheControl, sha256(content, contentType, cacheControl),
                role);
    }

    /** A page's bytes, as before roles existed. */
    public static OutputObject of(String key, byte[] content, String contentType, String cacheControl) {
        return of(key, content, contentType, cacheControl, Role.PAGE);
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
        return html(key, html, cacheControl, Role.PAGE);
    }

    /** The same object with another role. */
    public OutputObject withRole(Role role) {
        return new OutputObject(key, content, copyFrom, contentType, cacheControl, sha256, role);
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
