package dev.inkstream.ingest;

import dev.inkstream.support.ServiceDefaults;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    /** The application with its defaults; the standalone runtime starts it this way too. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IngestApplication.class)
                .properties(ServiceDefaults.forService("ingest", true));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
