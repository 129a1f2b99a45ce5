package dev.inkstream.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.support.settings.InvalidSettingException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each of render's start-up guards, fed the bad value: the message names the property. */
class RenderSettingsValidationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            inkstream.render.time-budget                  | 0s  | inkstream.render.time-budget must be a positive duration such as 10s (was PT0S)
            inkstream.render.time-budget                  | -5s | inkstream.render.time-budget must be a positive duration such as 10s (was PT-5S)
            inkstream.render.max-nesting                  | 0   | inkstream.render.max-nesting must be at least 1 (was 0)
            inkstream.render.max-text-size                | 0   | inkstream.render.max-text-size must be a positive size such as 2MB (was 0B)
            inkstream.render.worker-stack                 | 0   | inkstream.render.worker-stack must be a positive size such as 2MB (was 0B)
            inkstream.render.threads                      | -1  | inkstream.render.threads must be at least 0 (was -1)
            inkstream.render.translations.commit-interval | 0s  | inkstream.render.translations.commit-interval must be a positive duration such as 10s (was PT0S)
            inkstream.render.translations.application-id  | ' ' | inkstream.render.translations.application-id must be set
            """)
    void aBadValueIsRefusedByName(String property, String value, String message) {
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(property, value)))
                .bindOrCreate("inkstream.render", RenderSettings.class))
                .rootCause().isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }
}
