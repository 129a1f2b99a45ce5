/** The front door: verified webhooks in, git diffs out as source documents and change sets. */
@NullMarked
package dev.inkstream.ingest;

import org.jspecify.annotations.NullMarked;
