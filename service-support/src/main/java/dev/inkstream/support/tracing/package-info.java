/**
 * One trace per push across the services: the W3C {@code traceparent} travels in Kafka record
 * headers, each service continues it in a span of its own, and log lines carry the trace id with
 * the repo, commit, delivery and path they are about. Listeners call this from their thin Kafka
 * adapters; the pure cores know nothing of it.
 */
@NullMarked
package dev.inkstream.support.tracing;

import org.jspecify.annotations.NullMarked;
