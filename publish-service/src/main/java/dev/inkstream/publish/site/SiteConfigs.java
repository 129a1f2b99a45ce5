package dev.inkstream.publish.site;

import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Which of a repository's configuration files speaks for the site. */
public final class SiteConfigs {

    /**
     * The configuration of the file that comes first in {@link SiteConfig#FILES}
     * ({@code inkstream.yaml} over {@code hugo.toml} over {@code _config.yml}, …), when any was read.
     */
    public static Optional<SiteConfig> winner(Collection<RenderedDocument> documents) {
        return documents.stream()
                .filter(d -> d.kind() == DocumentKind.CONFIG && d.siteConfig() != null && SiteConfig.FILES.contains(d.path()))
                .min(Comparator.comparingInt(d -> SiteConfig.FILES.indexOf(d.path())))
                .map(RenderedDocument::siteConfig);
    }

    private SiteConfigs() {}
}
