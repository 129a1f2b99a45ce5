package dev.inkstream.events;

/** How a file of the content repository is treated by the pipeline. */
public enum DocumentKind {
    /** Markdown, rendered to a page. */
    MARKDOWN,
    /** Plain text, published as a readable page. */
    TEXT,
    /** Anything else (images, PDFs, CSS): copied, never rendered. */
    ASSET,
    /**
     * The site's configuration at the repository root ({@code inkstream.yaml}, else an existing
     * {@code hugo.toml}, {@code config.toml}, {@code _config.yml}): read by render into a
     * {@link SiteConfig}, never published.
     */
    CONFIG,
    /**
     * A template override under {@code layouts/} in the content repository: passed through to
     * publish as text, never published itself.
     */
    LAYOUT;

    /** Whether this kind becomes a page (assets are published as they are; config and layouts are not). */
    public boolean isPage() {
        return this == MARKDOWN || this == TEXT;
    }
}
