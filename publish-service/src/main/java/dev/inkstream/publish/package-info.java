/** The site model, its outputs, and deploying them to the bucket by diff. */
@NullMarked
package dev.inkstream.publish;

import org.jspecify.annotations.NullMarked;
