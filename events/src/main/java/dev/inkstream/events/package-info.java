/**
 * The wire contracts between Inkstream's services: event records, topic names, header names
 * and JSON (de)serialisation. Nothing here runs a pipeline stage.
 *
 * <p>Evolution rules: every value carries {@code schemaVersion}; new fields are optional and
 * default to absent; a field is never renamed or re-typed in place.
 */
@NullMarked
package dev.inkstream.events;

import org.jspecify.annotations.NullMarked;
