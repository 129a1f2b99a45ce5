/** The built-in theme: its hashed assets and its Pebble templates, overridable by the site's {@code layouts/}. */
@NullMarked
package dev.inkstream.publish.theme;

import org.jspecify.annotations.NullMarked;
