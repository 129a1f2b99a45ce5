package dev.inkstream.render;

import dev.inkstream.support.settings.SettingsCheck;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator sets for render ({@code inkstream.render.*}).
 *
 * @param timeBudget   a document still rendering after this long is published degraded (escaped text)
 * @param maxNesting   deeper block quotes, lists or brackets than this are published degraded, unparsed
 * @param maxTextSize  longer Markdown than this is published degraded, unparsed
 * @param workerStack  stack size of the render threads; flexmark recurses once per nesting level
 * @param fixMojibake  replace text that looks like UTF-8 misread as Windows-1252/Mac Roman by its repair
 * @param threads      documents of a polled batch rendered at once (0: one per processor); the batch stays one transaction
 * @param translations the translation checks' Kafka Streams application
 */
@ConfigurationProperties("inkstream.render")
public record RenderSettings(
        @DefaultValue("10s") Duration timeBudget,
        @DefaultValue("256") int maxNesting,
        @DefaultValue("2MB") DataSize maxTextSize,
        @DefaultValue("16MB") DataSize workerStack,
        @DefaultValue("false") boolean fixMojibake,
        @DefaultValue("0") int threads,
        @DefaultValue Translations translations) {

    public RenderSettings {
        SettingsCheck.positive("inkstream.render.time-budget", timeBudget);
        SettingsCheck.atLeast("inkstream.render.max-nesting", 1, maxNesting);
        SettingsCheck.positive("inkstream.render.max-text-size", maxTextSize);
        SettingsCheck.positive("inkstream.render.worker-stack", workerStack);
        SettingsCheck.atLeast("inkstream.render.threads", 0, threads);
    }

    public static final RenderSettings DEFAULTS = new RenderSettings(Duration.ofSeconds(10), 256, DataSize.ofMegabytes(2),
            DataSize.ofMegabytes(16), false, 0, Translations.DEFAULTS);

    public RenderSettings withFixMojibake(boolean fix) {
        return new RenderSettings(timeBudget, maxNesting, maxTextSize, workerStack, fix, threads, translations);
    }

    public RenderSettings withTimeBudget(Duration budget) {
        return new RenderSettings(budget, maxNesting, maxTextSize, workerStack, fixMojibake, threads, translations);
    }

    public RenderSettings withThreads(int count) {
        return new RenderSettings(timeBudget, maxNesting, maxTextSize, workerStack, fixMojibake, count, translations);
    }

    /** {@link #threads}, with 0 resolved to the processors this JVM may use. */
    public int renderThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param enabled       run the translation checks (consume rendered.v1, produce translations.v1)
     * @param applicationId Kafka Streams application id: consumer group and prefix of its internal topics
     * @param stateDir      where the checks keep their local state (rebuilt from changelogs when lost);
     *                      default {@code inkstream-render-translations} in the system's temporary folder
     * @param commitInterval how often the checks commit (a transaction) and flush their caches; a flush that
     *                       changes a repository's view re-checks all its groups, which a large push does at every flush
     */
    public record Translations(
            @DefaultValue("true") boolean enabled,
            @DefaultValue(DEFAULT_APPLICATION_ID) String applicationId,
            @Nullable Path stateDir,
            @DefaultValue("1s") Duration commitInterval) {

        public Translations {
            SettingsCheck.notBlank("inkstream.render.translations.application-id", applicationId);
            SettingsCheck.positive("inkstream.render.translations.commit-interval", commitInterval);
        }

        /**
         * Named after the topology it runs: its stores and internal topics changed when the checks
         * became one processor per repository, and a new id makes an existing deployment read
         * {@code rendered.v1} again from the start into the new stores instead of resuming into
         * empty ones.
         */
        public static final String DEFAULT_APPLICATION_ID = "inkstream-render-translation-checks";

        public static final Translations DEFAULTS =
                new Translations(true, DEFAULT_APPLICATION_ID, null, Duration.ofSeconds(1));

        /** {@link #stateDir}, or its default: a placeholder in {@code @DefaultValue} is not resolved, so it is here. */
        public Path stateDirectory() {
            return stateDir != null ? stateDir : Path.of(System.getProperty("java.io.tmpdir"), "inkstream-render-translations");
        }
    }
}
