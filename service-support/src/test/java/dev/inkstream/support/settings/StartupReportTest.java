package dev.inkstream.support.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.support.s3.S3Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** What an operator reads when a service refuses a setting: Spring Boot's start-up report, with the one line. */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(S3Settings.class)
    static class App {}

    @Test
    void theReportIsTheLineNamingThePropertyAndWhereToChangeIt(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run("--inkstream.s3.max-attempts=0", "--spring.main.banner-mode=off"))
                .hasRootCauseMessage("inkstream.s3.max-attempts must be at least 1 (was 0)");

        assertThat(output.toString()).contains("APPLICATION FAILED TO START",
                "Description:\n\ninkstream.s3.max-attempts must be at least 1 (was 0)\n",
                "Change inkstream.s3.max-attempts (environment variable INKSTREAM_S3_MAX_ATTEMPTS)");
    }
}
