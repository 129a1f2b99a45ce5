/** Edge adapters shared by the Inkstream services. No pipeline logic. */
@NullMarked
package dev.inkstream.support;

import org.jspecify.annotations.NullMarked;
