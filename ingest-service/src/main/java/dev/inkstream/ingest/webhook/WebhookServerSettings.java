package dev.inkstream.ingest.webhook;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers {@code Expect: 100-continue} only once the body is read, so an oversized
 * delivery is refused with 413 on its Content-Length before any of the body travels (Tomcat's
 * default sends 100 at once, and the client then loses the 413 when the connection is reset).
 */
@Configuration(proxyBeanMethods = false)
class WebhookServerSettings {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenTheBodyIsRead() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
