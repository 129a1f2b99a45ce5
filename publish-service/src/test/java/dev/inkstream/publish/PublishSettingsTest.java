package dev.inkstream.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.publish.deploy.cdn.CdnSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The deploy settings bind as operators write them, and default as the README says. */
class PublishSettingsTest {

    private static PublishSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("inkstream.publish", PublishSettings.class);
    }

    @Test
    void defaults() {
        PublishSettings settings = bind(Map.of());

        assertThat(settings.hashedAssetCacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(settings.feedCacheControl()).isEqualTo("public, max-age=300, must-revalidate");
        assertThat(settings.dryRun()).isFalse();
        assertThat(settings.uploadConcurrency()).isEqualTo(16);
        assertThat(settings.retainReleases()).isEqualTo(10);
        assertThat(settings.maxDeleteShare()).isEqualTo(0.5);
        assertThat(settings.confirmDeletes()).isFalse();
        assertThat(settings.cdn()).isEqualTo(CdnSettings.none());
    }

    @Test
    void cdnSettingsBindFromKebabCaseAndTheProviderCaseInsensitively() {
        PublishSettings settings = bind(Map.of(
                "inkstream.publish.cdn.provider", "cloudflare",
                "inkstream.publish.cdn.site-url", "https://example.org/",
                "inkstream.publish.cdn.zone-id", "z1",
                "inkstream.publish.cdn.api-token", "t",
                "inkstream.publish.cdn.urls-per-request", "30",
                "inkstream.publish.max-delete-share", "0.2",
                "inkstream.publish.confirm-deletes", "true"));

        assertThat(settings.cdn().provider()).isEqualTo(CdnSettings.Provider.CLOUDFLARE);
        assertThat(settings.cdn().siteUrl()).isEqualTo(URI.create("https://example.org/"));
        assertThat(settings.cdn().zoneId()).isEqualTo("z1");
        assertThat(settings.cdn().urlsPerRequest()).isEqualTo(30);
        assertThat(settings.cdn().maxPaths()).isEqualTo(3000);
        assertThat(settings.maxDeleteShare()).isEqualTo(0.2);
        assertThat(settings.confirmDeletes()).isTrue();
    }
}
