/** Markdown and text to safe HTML: front matter, rendering, sanitising, page URLs. */
@NullMarked
package dev.inkstream.render;

import org.jspecify.annotations.NullMarked;
