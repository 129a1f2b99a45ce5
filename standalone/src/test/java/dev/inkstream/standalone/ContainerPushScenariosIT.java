package dev.inkstream.standalone;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The push scenarios with the services on a Kafka container (the official {@code apache/kafka}
 * image, KRaft, the version compose runs) and a MinIO container, as deploy/compose runs them.
 * Where no Docker engine answers, Testcontainers disables the class and the build reports its
 * tests as skipped; {@link EmbeddedPushScenariosIT} runs the same scenarios in every build.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPushScenariosIT extends PushScenarios {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0")
            // The services' producers send up to 16 MiB (max.request.size), as in compose.yaml.
            .withEnv("KAFKA_MESSAGE_MAX_BYTES", "16777216");

    @Container
    static final MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-04-22T22-12-26Z");

    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        var external = new LocalRuntime.External(kafka.getBootstrapServers(), URI.create(minio.getS3URL()), "us-east-1",
                minio.getUserName(), minio.getPassword());
        runtime = LocalRuntime.start(new LocalRuntime.Options(Files.createTempDirectory("inkstream-containers"), List.of(),
                0, 0, "Containers IT", Map.of(), external));
        runtime.announceAll();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Override
    protected LocalRuntime runtime() {
        return runtime;
    }
}
