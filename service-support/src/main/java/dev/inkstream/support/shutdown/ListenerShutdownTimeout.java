package dev.inkstream.support.shutdown;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;

/**
 * Gives the Kafka listener containers as long to finish their in-flight work on shutdown as
 * Spring gives each shutdown phase ({@code spring.lifecycle.timeout-per-shutdown-phase}).
 * Spring Kafka's own default is 10 s, after which the context goes on closing the producer and
 * the S3 client under a release or an ingest still running: harmless (the transaction aborts,
 * the manifest is not written, the work is redone after the restart) but wasted. Spring Boot
 * has no property for it, hence this post-processor (not a {@code ContainerCustomizer}, of which
 * Boot applies only a single one).
 */
class ListenerShutdownTimeout implements BeanPostProcessor, EnvironmentAware {

    private Duration timeout = Duration.ofSeconds(30);

    @Override
    public void setEnvironment(Environment environment) {
        timeout = Binder.get(environment).bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).orElse(timeout);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            factory.getContainerProperties().setShutdownTimeout(timeout.toMillis());
        }
        return bean;
    }
}
