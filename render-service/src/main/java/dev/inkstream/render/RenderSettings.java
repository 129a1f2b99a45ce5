package dev.inkstream.render;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator sets for render ({@code inkstream.render.*}).
 *
 * @param translations the translation checks' Kafka Streams application
 */
@ConfigurationProperties("inkstream.render")
public record RenderSettings(@DefaultValue Translations translations) {

    /**
     * @param enabled       run the translation checks (consume rendered.v1, produce translations.v1)
     * @param applicationId Kafka Streams application id: consumer group and prefix of its internal topics
     * @param stateDir      where the checks keep their local state (rebuilt from changelogs when lost)
     */
    public record Translations(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("inkstream-render-translations") String applicationId,
            @DefaultValue("${java.io.tmpdir}/inkstream-render-translations") Path stateDir) {}
}
