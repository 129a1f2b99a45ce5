package dev.inkstream.publish;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.publish.deploy.cdn.CdnPurgers;
import dev.inkstream.support.settings.InvalidSettingException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each of publish's start-up guards, fed the bad value: the message names the property. */
class PublishSettingsValidationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            inkstream.publish.upload-concurrency     | -4            | inkstream.publish.upload-concurrency must be at least 1 (was -4)
            inkstream.publish.upload-concurrency     | 0             | inkstream.publish.upload-concurrency must be at least 1 (was 0)
            inkstream.publish.retain-releases        | 0             | inkstream.publish.retain-releases must be at least 1 (was 0)
            inkstream.publish.max-delete-share       | 1.5           | inkstream.publish.max-delete-share must be between 0.0 and 1.0 (was 1.5)
            inkstream.publish.site-title             | ''            | inkstream.publish.site-title must be set
            inkstream.publish.site-prefixes.docs     | /docs/        | inkstream.publish.site-prefixes.docs must be a relative folder of the bucket such as docs/ (was /docs/)
            inkstream.publish.site-prefixes.docs     | ../docs/      | inkstream.publish.site-prefixes.docs must be a relative folder of the bucket such as docs/ (was ../docs/)
            inkstream.publish.site-prefixes.docs     | _inkstream/x/ | inkstream.publish.site-prefixes.docs must be a relative folder of the bucket such as docs/ (was _inkstream/x/)
            inkstream.publish.cdn.site-url           | example.org   | inkstream.publish.cdn.site-url must be an http:// or https:// URL with a host (was example.org)
            inkstream.publish.cdn.api-endpoint       | ftp://x.org/  | inkstream.publish.cdn.api-endpoint must be an http:// or https:// URL with a host (was ftp://x.org/)
            inkstream.publish.cdn.urls-per-request   | -1            | inkstream.publish.cdn.urls-per-request must be at least 0 (was -1)
            inkstream.publish.cdn.max-paths          | 0             | inkstream.publish.cdn.max-paths must be at least 1 (was 0)
            """)
    void aBadValueIsRefusedByName(String property, String value, String message) {
        assertThatThrownBy(() -> bind(Map.of(property, value)))
                .rootCause().isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }

    @Test
    void aCdnProviderWithoutWhatItNeedsIsRefusedByName() {
        PublishSettings settings = bind(Map.of("inkstream.publish.cdn.provider", "cloudflare",
                "inkstream.publish.cdn.site-url", "https://example.org/", "inkstream.publish.cdn.api-token", "t"));

        assertThatThrownBy(() -> CdnPurgers.from(settings.cdn())).isInstanceOf(InvalidSettingException.class)
                .hasMessage("inkstream.publish.cdn.zone-id is required for this CDN provider");
    }

    private static PublishSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("inkstream.publish", PublishSettings.class);
    }
}
