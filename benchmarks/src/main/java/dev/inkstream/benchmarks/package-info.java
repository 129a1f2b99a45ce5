/**
 * Benchmarks for the Inkstream pipeline and the deterministic content repositories they run
 * against. {@link dev.inkstream.benchmarks.CorpusGenerator} and the benchmark mains are public;
 * the other types here are the generator's internals.
 */
@NullMarked
package dev.inkstream.benchmarks;

import org.jspecify.annotations.NullMarked;
