package dev.inkstream.support.settings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Start-up checks of the settings that are not the services' own records. */
@AutoConfiguration
public class SettingsAutoConfiguration {

    @Bean
    ServerPortCheck serverPortCheck(@Value("${server.port:8080}") int port) {
        return new ServerPortCheck(port);
    }
}
