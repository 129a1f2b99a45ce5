package dev.inkstream.events;

/**
 * Claim checks: files that do not travel inside events (images, PDFs) are written once to the
 * object store by ingest, content-addressed by their git blob id, and events carry the key.
 */
public final class BlobKeys {

    public static final String PREFIX = "_inkstream/blobs/";

    public static String of(String blobId) {
        return PREFIX + blobId;
    }

    private BlobKeys() {}
}
