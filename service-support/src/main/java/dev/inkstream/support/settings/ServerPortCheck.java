package dev.inkstream.support.settings;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * {@code server.port} is Spring Boot's own setting and not range-checked there; an
 * out-of-range port would fail deep in the web server, without the property's name.
 */
class ServerPortCheck implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final int port;

    ServerPortCheck(int port) {
        this.port = port;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        // -1 switches the web server off; 0 is any free port.
        SettingsCheck.between("server.port", -1, 65535, port);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
