package dev.inkstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings bind from properties as an operator writes them (a binding failure is silent otherwise). */
class IngestSettingsBindingTest {

    @Test
    void repositoriesBindWithDefaultsAndSecretsList() {
        var source = new MapConfigurationPropertySource(Map.of(
                "inkstream.ingest.repositories.blog.url", "https://git.example.org/ada/blog.git",
                "inkstream.ingest.repositories.blog.secrets[0]", "old",
                "inkstream.ingest.repositories.blog.secrets[1]", "new",
                "inkstream.ingest.repositories.blog.token", "t0ken",
                "inkstream.ingest.max-file-size", "2MB"));

        IngestSettings settings = new Binder(source).bind("inkstream.ingest", IngestSettings.class).get();

        IngestSettings.Repository blog = settings.repositories().get("blog");
        assertThat(blog.url()).isEqualTo("https://git.example.org/ada/blog.git");
        assertThat(blog.branch()).isEqualTo("main");
        assertThat(blog.secrets()).containsExactly("old", "new");
        assertThat(blog.username()).isEqualTo("x-access-token");
        assertThat(blog.token()).isEqualTo("t0ken");
        assertThat(settings.maxFileSize().toMegabytes()).isEqualTo(2);
        assertThat(settings.maxPayload().toMegabytes()).isEqualTo(25);
    }
}
