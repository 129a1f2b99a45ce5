package dev.inkstream.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.support.settings.InvalidSettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each of ingest's start-up guards, fed the bad value: the message names the property. */
class IngestSettingsValidationTest {

    /** A valid repository, so each case breaks exactly one thing. */
    private static final Map<String, String> VALID = Map.of(
            "inkstream.ingest.repositories.site.url", "https://git.example.org/ada/site.git",
            "inkstream.ingest.repositories.site.secrets[0]", "s3cr3t");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            inkstream.ingest.documents-per-batch        | 0  | inkstream.ingest.documents-per-batch must be at least 1 (was 0)
            inkstream.ingest.blob-concurrency           | 0  | inkstream.ingest.blob-concurrency must be at least 1 (was 0)
            inkstream.ingest.max-payload                | 0  | inkstream.ingest.max-payload must be a positive size such as 2MB (was 0B)
            inkstream.ingest.inline-text-limit          | -1 | inkstream.ingest.inline-text-limit must be a positive size such as 2MB (was -1B)
            inkstream.ingest.max-file-size              | 0  | inkstream.ingest.max-file-size must be a positive size such as 2MB (was 0B)
            inkstream.ingest.repositories.site.url      | '' | inkstream.ingest.repositories.site.url must be set
            inkstream.ingest.repositories.site.branch   | '' | inkstream.ingest.repositories.site.branch must be set
            inkstream.ingest.repositories.site.secrets[0] | '' | inkstream.ingest.repositories.site.secrets must hold at least one non-empty value: the webhook secret(s) deliveries are signed with (inkstream.ingest.repositories.site.secrets[0])
            """)
    void aBadValueIsRefusedByName(String property, String value, String message) {
        Map<String, String> properties = new LinkedHashMap<>(VALID);
        properties.put(property, value);

        assertThatThrownBy(() -> bind(properties)).rootCause().isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void aRepositoryWithoutAnySecretIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("inkstream.ingest.repositories.site.url", "/srv/site.git")))
                .rootCause().hasMessageStartingWith("inkstream.ingest.repositories.site.secrets must hold at least one");
    }

    private static IngestSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("inkstream.ingest", IngestSettings.class);
    }
}
