package dev.inkstream.publish.deploy.cdn;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * Fastly's purge by URL: {@code POST /purge/{host}/{path}} with the {@code Fastly-Key} header,
 * one request per URL (Fastly batches only by surrogate key, which would need every object to
 * carry a {@code Surrogate-Key} header through the bucket). Soft purge marks content stale instead.
 */
final class FastlyPurger implements CdnPurger {

    static final URI API = URI.create("https://api.fastly.com/");

    private final PurgeHttp http = new PurgeHttp();
    private final URI endpoint;
    private final String apiToken;
    private final String siteUrl;
    private final boolean soft;

    FastlyPurger(URI endpoint, String apiToken, URI siteUrl, boolean soft) {
        this.endpoint = endpoint;
        this.apiToken = apiToken;
        // The cached URL without its scheme: host, then the path.
        this.siteUrl = CdnPurgers.withoutTrailingSlash(siteUrl).replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        this.soft = soft;
    }

    @Override
    public void purge(List<String> paths) {
        for (String path : paths) {
            var request = HttpRequest.newBuilder(endpoint.resolve("purge/" + siteUrl + path))
                    .header("Fastly-Key", apiToken)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (soft) {
                request.header("Fastly-Soft-Purge", "1");
            }
            http.send("Fastly", request);
        }
    }
}
