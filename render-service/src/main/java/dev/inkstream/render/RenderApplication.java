package dev.inkstream.render;

import dev.inkstream.support.ServiceDefaults;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RenderApplication {

    /** The application with its defaults; the standalone runtime starts it this way too. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RenderApplication.class)
                .properties(ServiceDefaults.forService("render", true));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
