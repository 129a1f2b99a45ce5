package dev.inkstream.standalone.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check DeployManifestsTest applies to every service's variables, fed the mistakes it exists for. */
class ServiceEnvironmentTest {

    @Test
    void acceptsEachServicesSettingsInBothEnvironmentForms() {
        assertThat(ServiceEnvironment.problems("ingest", Map.of(
                "INKSTREAM_S3_ENDPOINT", "http://minio:9000",
                "INKSTREAM_S3_ACCESS_KEY", "k",
                "INKSTREAM_S3_SECRETKEY", "s",
                "INKSTREAM_INGEST_MAX_PAYLOAD", "25MB",
                "INKSTREAM_INGEST_REPOSITORIES_SITE_URL", "/content",
                "INKSTREAM_INGEST_REPOSITORIES_SITE_FULL_NAME", "example/site",
                "INKSTREAM_INGEST_REPOSITORIES_SITE_SECRETS_0", "secret",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "INKSTREAM_INSTANCE_ID", "ingest-0",
                "SERVER_PORT", "8080"))).isEmpty();
    }

    @Test
    void aMisspeltVariableIsReported() {
        assertThat(ServiceEnvironment.problems("render", Map.of("INKSTREAM_S3_ENDPONT", "http://minio:9000")))
                .singleElement().asString().startsWith("INKSTREAM_S3_ENDPONT is not a setting of render");
    }

    @Test
    void anotherServicesSettingIsReported() {
        assertThat(ServiceEnvironment.problems("render", Map.of("INKSTREAM_PUBLISH_SITE_TITLE", "Blog")))
                .singleElement().asString().startsWith("INKSTREAM_PUBLISH_SITE_TITLE is not a setting of render");
    }

    @Test
    void aValueThatDoesNotConvertIsReported() {
        assertThat(ServiceEnvironment.problems("ingest", Map.of("INKSTREAM_INGEST_MAX_PAYLOAD", "a lot")))
                .singleElement().asString().contains("inkstream.ingest", "a lot");
        assertThat(ServiceEnvironment.problems("publish", Map.of("SERVER_PORT", "http")))
                .singleElement().asString().contains("server.port");
    }
}
