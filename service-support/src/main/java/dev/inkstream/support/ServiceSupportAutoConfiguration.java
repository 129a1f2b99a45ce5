package dev.inkstream.support;

import dev.inkstream.events.Topics;
import dev.inkstream.support.kafka.DeadLetters;
import dev.inkstream.support.kafka.KafkaHealthIndicator;
import dev.inkstream.support.s3.S3Clients;
import dev.inkstream.support.s3.S3HealthIndicator;
import dev.inkstream.support.s3.S3Settings;
import dev.inkstream.support.tracing.RecordTracing;
import dev.inkstream.support.tracing.TraceparentInterceptor;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaTemplate;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import software.amazon.awssdk.services.s3.S3Client;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.stream.Stream;

/** Wires the shared edge adapters into every service. */
@AutoConfiguration
@EnableConfigurationProperties(S3Settings.class)
public class ServiceSupportAutoConfiguration {

    /** A record that fails this many more times after the first goes to the dead-letter topic. */
    static final long RETRIES_BEFORE_DEAD_LETTER = 2;
    static final long RETRY_INTERVAL_MS = 500;

    /** A service that sends many requests at once (publish) sizes its own connection pool. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Client s3Client(S3Settings settings) {
        return S3Clients.create(settings);
    }

    @Bean
    S3HealthIndicator s3HealthIndicator(S3Client s3, S3Settings settings) {
        return new S3HealthIndicator(s3, settings);
    }

    /** Without a tracer (tracing turned off), steps are no-ops and records go out without a trace. */
    @Bean
    RecordTracing recordTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfAvailable();
        Propagator headers = propagator.getIfAvailable();
        return available == null || headers == null ? RecordTracing.untraced() : new RecordTracing(available, headers);
    }

    /** Every record the services' Kafka templates send carries the trace of the step sending it. */
    @Bean
    static BeanPostProcessor traceparentOnKafkaTemplates(ObjectProvider<RecordTracing> tracing) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaTemplate<?, ?> template) {
                    addTraceparent(template, tracing.getObject());
                }
                return bean;
            }
        };
    }

    private static <K, V> void addTraceparent(KafkaTemplate<K, V> template, RecordTracing tracing) {
        template.setProducerInterceptor(new TraceparentInterceptor<>(tracing));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    /** Every service declares every topic and its dead-letter topic; creation is idempotent. */
    @Bean
    KafkaAdmin.NewTopics inkstreamTopics() {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(spec -> Stream.of(
                        topic(spec.name(), spec.partitions(), spec.compacted()),
                        topic(spec.name() + Topics.DEAD_LETTER_SUFFIX, 1, false)))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, int partitions, boolean compacted) {
        var builder = TopicBuilder.name(name).partitions(partitions);
        return (compacted
                ? builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : builder.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000))))
                .build();
    }

    /**
     * Listeners receive values as raw bytes, so the dead-letter topic gets the failed record's bytes
     * unchanged, through a producer of its own: the services' main producers serialise events. (Not
     * a ProducerFactory or KafkaTemplate bean, which would make Boot back off from its own.)
     */
    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(KafkaProperties properties, MeterRegistry meters) {
        return new DeadLetters(properties.buildProducerProperties(), meters);
    }

    /** Non-transactional listeners: bounded retries, then the dead-letter topic. */
    @Bean
    DefaultErrorHandler inkstreamErrorHandler(DeadLetters deadLetters) {
        return new DefaultErrorHandler(deadLetters.recoverer(),
                new FixedBackOff(RETRY_INTERVAL_MS, RETRIES_BEFORE_DEAD_LETTER));
    }

    /**
     * A service killed inside a transaction leaves it open with its consumed offsets in it, and
     * until it ends, a {@code read_committed} consumer of the same group cannot even learn where
     * to start: the restarted service's listeners would wait out the broker's transaction
     * timeout (a minute by default) before their first record, though their own first
     * transaction, under the same transactional id, would abort the old one at once. So the
     * transactional producer is made once before any listener starts, which fences the
     * predecessor and aborts its transaction. Nothing to do for a service without transactions.
     */
    @Bean
    SmartLifecycle fenceCrashedPredecessor(ProducerFactory<?, ?> producers) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (producers.transactionCapable()) {
                    producers.createProducer().close();
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // Before the listener containers, which start in AbstractMessageListenerContainer.DEFAULT_PHASE.
                return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
            }
        };
    }

    /**
     * Transactional listeners see failures after the rollback: retry the same way, then dead-letter
     * the record and commit its offset in a transaction of its own so the partition moves on.
     */
    @Bean
    DefaultAfterRollbackProcessor<Object, Object> inkstreamAfterRollbackProcessor(
            KafkaOperations<Object, Object> template, DeadLetters deadLetters) {
        return new DefaultAfterRollbackProcessor<>(deadLetters.recoverer(),
                new FixedBackOff(RETRY_INTERVAL_MS, RETRIES_BEFORE_DEAD_LETTER), template, true);
    }
}
