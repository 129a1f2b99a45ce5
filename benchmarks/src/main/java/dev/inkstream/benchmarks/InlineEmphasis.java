package dev.inkstream.benchmarks;

/**
 * The inline marks a generated sentence may put around its object. {@code ==highlight==} is
 * not CommonMark but authors coming from Typora and Obsidian write it constantly, so the
 * corpus must contain it for the renderer's handling of it to be measured at all.
 */
enum InlineEmphasis {
    NONE(""),
    HIGHLIGHT("=="),
    STRONG("**"),
    EMPHASIS("*"),
    STRIKETHROUGH("~~");

    private final String marker;

    InlineEmphasis(String marker) {
        this.marker = marker;
    }

    String wrap(String text) {
        return marker + text + marker;
    }
}
