package dev.inkstream.support.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * The checks the settings records run in their constructors, so a service refuses a value it
 * cannot work with at start, with one line naming the property, instead of failing later on it.
 */
public final class SettingsCheck {

    public static int atLeast(String key, long minimum, int value) {
        if (value < minimum) {
            throw new InvalidSettingException(key, "must be at least " + minimum + " (was " + value + ")");
        }
        return value;
    }

    public static int between(String key, int minimum, int maximum, int value) {
        if (value < minimum || value > maximum) {
            throw new InvalidSettingException(key, "must be between " + minimum + " and " + maximum + " (was " + value + ")");
        }
        return value;
    }

    public static double between(String key, double minimum, double maximum, double value) {
        if (!(value >= minimum && value <= maximum)) {
            throw new InvalidSettingException(key, "must be between " + minimum + " and " + maximum + " (was " + value + ")");
        }
        return value;
    }

    public static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(key, "must be a positive duration such as 10s (was " + value + ")");
        }
        return value;
    }

    public static DataSize positive(String key, DataSize value) {
        if (value == null || value.toBytes() <= 0) {
            throw new InvalidSettingException(key, "must be a positive size such as 2MB (was " + value + ")");
        }
        return value;
    }

    public static String notBlank(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(key, "must be set");
        }
        return value;
    }

    public static <T extends Collection<?>> T notEmpty(String key, @Nullable T value, String why) {
        if (value == null || value.isEmpty() || value.stream().anyMatch(v -> v == null || v.toString().isBlank())) {
            throw new InvalidSettingException(key, "must hold at least one non-empty value: " + why);
        }
        return value;
    }

    /** An absolute {@code http://} or {@code https://} URL with a host, or absent. */
    public static @Nullable URI httpUrl(String key, @Nullable URI value) {
        if (value == null) {
            return null;
        }
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null) {
            throw new InvalidSettingException(key, "must be an http:// or https:// URL with a host (was " + value + ")");
        }
        return value;
    }

    /** Both set or both absent, as a key and its secret must be. */
    public static void together(String key, @Nullable String value, String otherKey, @Nullable String other) {
        boolean has = value != null && !value.isBlank();
        boolean hasOther = other != null && !other.isBlank();
        if (has != hasOther) {
            throw new InvalidSettingException(has ? otherKey : key, "must be set with " + (has ? key : otherKey));
        }
    }

    private SettingsCheck() {}
}
