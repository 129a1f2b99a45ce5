package dev.inkstream.publish;

import dev.inkstream.support.ServiceDefaults;
import dev.inkstream.support.s3.S3Clients;
import dev.inkstream.support.s3.S3Settings;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.s3.S3Client;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PublishApplication {

    /** The application with its defaults; the standalone runtime starts it this way too. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PublishApplication.class)
                .properties(ServiceDefaults.forService("publish", false))
                // Publish reads whole batches: it may release only after applying all it was given.
                .properties(Map.of("spring.kafka.listener.type", "batch",
                        // Idle events drive retries of failed releases.
                        "spring.kafka.listener.idle-event-interval", "5s"));
    }

    /** Publish's one S3 client: a connection for each upload in flight, and one for the release store. */
    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Settings s3, PublishSettings publish) {
        return S3Clients.create(s3, Math.max(S3Clients.DEFAULT_MAX_CONNECTIONS, publish.uploadConcurrency() + 1));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
