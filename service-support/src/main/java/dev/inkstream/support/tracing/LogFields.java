package dev.inkstream.support.tracing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a block of work is about (repo, commit, delivery, path), in the MDC of every line it logs;
 * closing restores what the enclosing block had set, so blocks nest. The same names label the
 * span of a {@link TracedStep}: one concept, one name, in logs and traces.
 */
public final class LogFields implements AutoCloseable {

    public static final String REPO = "repo";
    public static final String COMMIT = "commit";
    public static final String DELIVERY = "delivery";
    public static final String PATH = "path";

    private record Previous(String key, @Nullable String value) {}

    private final Deque<Previous> previous = new ArrayDeque<>();

    /** An empty set of fields, to fill with {@link #repo}, {@link #commit}, … */
    public static LogFields open() {
        return new LogFields();
    }

    public LogFields repo(@Nullable String repo) {
        return put(REPO, repo);
    }

    public LogFields commit(@Nullable String commit) {
        return put(COMMIT, commit);
    }

    public LogFields delivery(@Nullable String delivery) {
        return put(DELIVERY, delivery);
    }

    public LogFields path(@Nullable String path) {
        return put(PATH, path);
    }

    /** An absent value leaves the field as it was: a line never says {@code commit=null}. */
    LogFields put(String key, @Nullable String value) {
        if (value != null) {
            previous.push(new Previous(key, MDC.get(key)));
            MDC.put(key, value);
        }
        return this;
    }

    @Override
    public void close() {
        while (!previous.isEmpty()) {
            Previous field = previous.pop();
            if (field.value() == null) {
                MDC.remove(field.key());
            } else {
                MDC.put(field.key(), field.value());
            }
        }
    }
}
