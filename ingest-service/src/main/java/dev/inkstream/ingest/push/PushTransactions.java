package dev.inkstream.ingest.push;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * The listener container's Kafka transaction manager, with transaction synchronisation on (Kafka's
 * default is off): the push consumer moves its "last ingested" marker in the mirror only after the
 * transaction carrying the documents has committed.
 */
@Configuration(proxyBeanMethods = false)
class PushTransactions {

    @Bean
    KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
        var manager = new KafkaTransactionManager<>(producerFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return manager;
    }
}
