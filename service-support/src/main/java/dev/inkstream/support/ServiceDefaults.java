package dev.inkstream.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import dev.inkstream.events.EventSerializer;

/**
 * The defaults every service starts from, as Spring properties of the lowest precedence: any
 * {@code application.yaml}, environment variable or command-line argument overrides them. They are
 * set in code rather than in an {@code application.yaml} inside each jar, because the standalone
 * runtime puts all three services on one classpath, where same-named resources would shadow
 * each other.
 */
public final class ServiceDefaults {

    /**
     * Boot's correlation slot of its console and file patterns (between thread and logger):
     * {@code trace=… span=… repo=… commit=… delivery=… path=…}, each only when set.
     */
    public static final String LOG_FIELDS_PATTERN = "%replace(trace=%X{traceId} span=%X{spanId} repo=%X{repo} "
            + "commit=%X{commit} delivery=%X{delivery} path=%X{path} ){'[a-z]+= ', ''}";

    /** The properties a service named {@code service} (ingest, render, publish) starts with. */
    public static Map<String, Object> forService(String service, boolean transactionalProducer) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.application.name", "inkstream-" + service);
        p.put("spring.main.banner-mode", "off");
        p.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}");
        p.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        p.put("spring.kafka.producer.value-serializer", EventSerializer.class.getName());
        p.put("spring.kafka.producer.acks", "all");
        p.put("spring.kafka.producer.properties[" + EventSerializer.SOURCE_CONFIG + "]", "/inkstream/" + service);
        // A full import of a large repository is one transaction of many documents of up to the
        // inline limit each; the broker side is raised to match in the standalone runtime.
        p.put("spring.kafka.producer.properties[max.request.size]", "16777216");
        p.put("spring.kafka.producer.properties[linger.ms]", "5");
        // A producer sends at most one batch per partition in a request, so Kafka's 16 KB batches
        // made a full import (85 MB of source documents, 125 MB rendered) thousands of produce
        // requests of three batches each, and the broker's per-request work a good part of its CPU.
        // A batch is sent when full or after linger.ms, so a single edit waits no longer than before.
        p.put("spring.kafka.producer.batch-size", "512KB");
        if (transactionalProducer) {
            // Stable per instance, so a restarted instance fences its crashed predecessor and aborts
            // its open transaction at once instead of leaving read_committed readers waiting.
            p.put("spring.kafka.producer.transaction-id-prefix",
                    "inkstream-" + service + "-${INKSTREAM_INSTANCE_ID:${HOSTNAME:local}}-");
        }
        p.put("spring.kafka.consumer.group-id", "inkstream-" + service);
        p.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        // Values are read by the listeners themselves, so a record that cannot be read is a
        // listener failure that the retry and dead-letter handling sees, not a poison pill in poll().
        p.put("spring.kafka.consumer.value-deserializer", ByteArrayDeserializer.class.getName());
        p.put("spring.kafka.consumer.isolation-level", "read_committed");
        p.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        p.put("spring.kafka.consumer.enable-auto-commit", "false");
        p.put("spring.kafka.consumer.properties[max.partition.fetch.bytes]", "16777216");
        // Graceful shutdown (SIGTERM, Ctrl-C): the webhook finishes the requests it has, each
        // listener finishes the record or batch in hand and commits or aborts its transaction, and
        // then stops rather than taking on the rest of its last poll. 45 s per phase fits the
        // 60 s termination grace of deploy/ (Kubernetes and compose).
        p.put("server.shutdown", "graceful");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "45s");
        p.put("spring.kafka.listener.immediate-stop", "true");
        p.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        p.put("management.metrics.tags.service", service);
        p.put("management.endpoint.health.probes.enabled", "true");
        p.put("management.endpoint.health.show-details", "always");
        p.put("management.endpoint.health.group.readiness.include", "readinessState,kafka,s3");
        // One push is one trace; with Boot's default of 10 %, most pushes would have no exported spans.
        p.put("management.tracing.sampling.probability", "1.0");
        // Human-readable lines that still name the trace and what they are about: the MDC fields
        // that are set, as key=value, the empty ones left out.
        p.put("logging.pattern.correlation", LOG_FIELDS_PATTERN);
        p.put("logging.level.org.apache.kafka", "WARN");
        p.put("logging.level.org.springframework.kafka", "WARN");
        return p;
    }

    private ServiceDefaults() {}
}
