package dev.inkstream.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RenderSettingsTest {

    private static RenderSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("inkstream.render", RenderSettings.class);
    }

    @Test
    void theDefaultsSpringBindsAreTheDefaultsTestsAndBenchmarksUse() {
        assertThat(bind(Map.of())).isEqualTo(RenderSettings.DEFAULTS);
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertThat(RenderSettings.DEFAULTS.renderThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void operatorsSetEachKnobByItsKebabCaseName() {
        RenderSettings settings = bind(Map.of("inkstream.render.fix-mojibake", "true",
                "inkstream.render.time-budget", "2s", "inkstream.render.max-nesting", "64", "inkstream.render.threads", "3",
                "inkstream.render.translations.commit-interval", "5s"));

        assertThat(settings.fixMojibake()).isTrue();
        assertThat(settings.timeBudget()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxNesting()).isEqualTo(64);
        assertThat(settings.renderThreads()).isEqualTo(3);
        assertThat(settings.translations().commitInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.workerStack()).isEqualTo(RenderSettings.DEFAULTS.workerStack());
    }
}
