package dev.inkstream.events;

/** How a file of the content repository is treated by the pipeline. */
public enum DocumentKind {
    /** Markdown, rendered to a page. */
    MARKDOWN,
    /** Plain text, published as a readable page. */
    TEXT,
    /** Anything else (images, PDFs, CSS): copied, never rendered. */
    ASSET;

    /** Whether render produces a {@link RenderedDocument} for this kind. */
    public boolean rendered() {
        return this != ASSET;
    }
}
