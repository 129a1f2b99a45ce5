package dev.inkstream.support.settings;

/**
 * A setting an operator gave that a service cannot start with. The message is one line that
 * names the property and says what is wrong, e.g. {@code inkstream.s3.max-attempts must be at
 * least 1 (was 0)}; {@link InvalidSettingFailureAnalyzer} makes it the whole start-up failure report.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    /** The property, in Spring's canonical form ({@code inkstream.s3.max-attempts}). */
    public String key() {
        return key;
    }

    /** The environment variable that sets {@link #key()} ({@code INKSTREAM_S3_MAX_ATTEMPTS}). */
    public String environmentVariable() {
        return key.replace("[", "_").replace("]", "").replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
