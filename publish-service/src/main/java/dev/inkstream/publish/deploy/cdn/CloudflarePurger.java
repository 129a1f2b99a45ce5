package dev.inkstream.publish.deploy.cdn;

import dev.inkstream.events.EventJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Cloudflare's purge by URL: {@code POST /zones/{zone}/purge_cache} with {@code {"files": [...]}},
 * as many URLs per request as the API allows (100 on every plan today; 30 before, which the
 * {@code urls-per-request} setting can restore). Cloudflare answers 200 with {@code success: false}
 * for some errors, so the body is checked as well as the status.
 */
final class CloudflarePurger implements CdnPurger {

    static final URI API = URI.create("https://api.cloudflare.com/client/v4/");
    static final int URLS_PER_REQUEST = 100;

    private final PurgeHttp http = new PurgeHttp();
    private final URI endpoint;
    private final String zoneId;
    private final String apiToken;
    private final String siteUrl;
    private final int perRequest;

    CloudflarePurger(URI endpoint, String zoneId, String apiToken, URI siteUrl, int perRequest) {
        this.endpoint = endpoint;
        this.zoneId = zoneId;
        this.apiToken = apiToken;
        this.siteUrl = CdnPurgers.withoutTrailingSlash(siteUrl);
        this.perRequest = perRequest;
    }

    @Override
    public void purge(List<String> paths) {
        for (List<String> batch : CdnPurgers.batches(paths, perRequest)) {
            List<String> files = batch.stream().map(path -> siteUrl + path).toList();
            String body = http.send("Cloudflare", HttpRequest.newBuilder(endpoint.resolve("zones/" + zoneId + "/purge_cache"))
                    .header("Authorization", "Bearer " + apiToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.write(Map.of("files", files)))));
            JsonNode answer = EventJson.mapper().readTree(body);
            if (!answer.path("success").asBoolean(false)) {
                throw new IllegalStateException("Cloudflare refused the purge of " + files.size() + " URLs: " + answer.path("errors"));
            }
        }
    }
}
