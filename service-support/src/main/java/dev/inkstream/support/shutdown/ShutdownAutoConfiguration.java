package dev.inkstream.support.shutdown;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Graceful shutdown: what Spring Boot's properties (set in ServiceDefaults) do not cover. */
@AutoConfiguration
public class ShutdownAutoConfiguration {

    @Bean
    static ListenerShutdownTimeout listenerShutdownTimeout() {
        return new ListenerShutdownTimeout();
    }
}
