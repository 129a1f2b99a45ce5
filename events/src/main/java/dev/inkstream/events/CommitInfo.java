package dev.inkstream.events;

import java.time.Instant;

/** The commit that last changed a file: used for dates and for translation staleness. */
public record CommitInfo(String id, Instant time, String author, String subject) {}
