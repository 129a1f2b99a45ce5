/** Atom, RSS and JSON feeds and sitemaps: pure functions from entries to bytes. */
@NullMarked
package dev.inkstream.publish.feeds;

import org.jspecify.annotations.NullMarked;
