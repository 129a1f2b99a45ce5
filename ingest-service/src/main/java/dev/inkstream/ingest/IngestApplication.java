package dev.inkstream.ingest;

import dev.inkstream.support.ServiceDefaults;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    /** The application with its defaults; the standalone runtime starts it this way too. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IngestApplication.class)
                .properties(ServiceDefaults.forService("ingest", true))
                // A full import of a large repository is one transaction; Kafka's 1-minute default
                // would abort it. 15 minutes is the broker's default maximum.
                .properties(Map.of("spring.kafka.producer.properties[transaction.timeout.ms]", "900000"));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
