/** Reading the content repository's own site configuration (Inkstream, Hugo, Jekyll) into one {@code SiteConfig}. */
@NullMarked
package dev.inkstream.render.siteconfig;

import org.jspecify.annotations.NullMarked;
