package dev.inkstream.events;

/** How a file of the content repository is treated by the pipeline. */
public enum DocumentKind {
    /** Markdown, rendered to a page. */
    MARKDOWN,
    /** Plain text, published as a readable page. */
    TEXT,
    /** Anything else (images, PDFs, CSS): copied, never rendered. */
    ASSET;

    /** Whether this kind becomes a page (assets are published as they are). */
    public boolean isPage() {
        return this != ASSET;
    }
}
