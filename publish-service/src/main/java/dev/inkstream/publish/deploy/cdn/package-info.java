/** Purging a CDN of exactly the URLs a release changed, behind one plug-in interface. */
@NullMarked
package dev.inkstream.publish.deploy.cdn;

import org.jspecify.annotations.NullMarked;
