package dev.inkstream.support.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.support.s3.S3Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A service given a bad {@code inkstream.s3.*} value does not start, and says which and why in one line. */
class S3SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(S3Settings.class)
    static class WithS3Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(WithS3Settings.class);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            inkstream.s3.max-attempts=0          | inkstream.s3.max-attempts must be at least 1 (was 0)
            inkstream.s3.endpoint=minio:9000     | inkstream.s3.endpoint must be an http:// or https:// URL with a host (was minio:9000)
            inkstream.s3.endpoint=http:///bucket | inkstream.s3.endpoint must be an http:// or https:// URL with a host (was http:///bucket)
            inkstream.s3.bucket=                 | inkstream.s3.bucket must be set
            inkstream.s3.access-key=AKIDEXAMPLE  | inkstream.s3.secret-key must be set with inkstream.s3.access-key
            inkstream.s3.secret-key=s3cr3t       | inkstream.s3.access-key must be set with inkstream.s3.secret-key
            """)
    void aBadValueStopsTheStartWithOneLineNamingTheProperty(String property, String message) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(failure);
            assertThat(analysis).as("the start-up report for " + property).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo(message);
            String key = message.substring(0, message.indexOf(' '));
            assertThat(analysis.getAction()).contains(key, key.toUpperCase().replace('.', '_').replace('-', '_'));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            inkstream.s3.endpoint=http://minio:9000
            inkstream.s3.endpoint=https://s3.eu-central-1.amazonaws.com
            inkstream.s3.max-attempts=1
            """)
    void goodValuesStart(String property) {
        runner.withPropertyValues(property, "inkstream.s3.access-key=a", "inkstream.s3.secret-key=b")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
