package dev.inkstream.publish;

import dev.inkstream.support.ServiceDefaults;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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

    public static void main(String[] args) {
        application().run(args);
    }
}
