package dev.inkstream.support.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.support.ServiceDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The listener containers a service builds stop gracefully: after the record or batch in hand,
 * and waiting for it as long as a shutdown phase may take, not Spring Kafka's 10 s.
 */
class GracefulShutdownTest {

    private ApplicationContextRunner service(String name) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ShutdownAutoConfiguration.class))
                .withPropertyValues(ServiceDefaults.forService(name, true).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void listenersFinishTheWorkInHandWithinTheShutdownPhase() {
        service("publish").run(context -> {
            ContainerProperties properties = context.getBean(ConcurrentKafkaListenerContainerFactory.class).getContainerProperties();
            assertThat(properties.getShutdownTimeout()).isEqualTo(45_000);
            assertThat(properties.isStopImmediate()).as("stop after the record or batch in hand").isTrue();
            assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
        });
    }

    @Test
    void anOperatorsShutdownPhaseIsTheListenersToo() {
        service("render").withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=2m").run(context ->
                assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class).getContainerProperties()
                        .getShutdownTimeout()).isEqualTo(120_000));
    }
}
