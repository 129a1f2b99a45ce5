package dev.inkstream.ingest.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The forges whose push webhooks ingest understands: where each puts its signature, event name
 * and delivery id, and how it signs.
 */
public enum Forge {

    GITHUB("github", "X-GitHub-Event", "X-GitHub-Delivery", "push", "ping",
            "X-Hub-Signature-256", Signing.HMAC_SHA256_PREFIXED),
    /** GitLab sends the secret itself as a token. */
    GITLAB("gitlab", "X-Gitlab-Event", "X-Gitlab-Event-UUID", "Push Hook", null,
            "X-Gitlab-Token", Signing.TOKEN),
    GITEA("gitea", "X-Gitea-Event", "X-Gitea-Delivery", "push", null,
            "X-Gitea-Signature", Signing.HMAC_SHA256_HEX),
    FORGEJO("forgejo", "X-Forgejo-Event", "X-Forgejo-Delivery", "push", null,
            "X-Forgejo-Signature", Signing.HMAC_SHA256_HEX),
    /**
     * Inkstream's own endpoint for self-hosted bare repositories (a {@code post-receive} hook):
     * body {@code {"repository": id, "ref", "before", "after"}}.
     */
    PLAIN("plain", "X-Inkstream-Event", "X-Inkstream-Delivery", "push", null,
            "X-Inkstream-Signature", Signing.HMAC_SHA256_PREFIXED);

    /** How a forge proves a delivery comes from someone who knows the secret. */
    enum Signing {
        /** {@code sha256=<hex HMAC-SHA256 of the body>} */
        HMAC_SHA256_PREFIXED,
        /** {@code <hex HMAC-SHA256 of the body>} */
        HMAC_SHA256_HEX,
        /** the secret itself */
        TOKEN
    }

    /** Request headers, looked up case-insensitively. */
    @FunctionalInterface
    public interface Headers {
        @Nullable String get(String name);
    }

    private final String id;
    private final String eventHeader;
    private final String deliveryHeader;
    private final String pushEvent;
    private final @Nullable String pingEvent;
    private final String signatureHeader;
    private final Signing signing;

    Forge(String id, String eventHeader, String deliveryHeader, String pushEvent, @Nullable String pingEvent,
          String signatureHeader, Signing signing) {
        this.id = id;
        this.eventHeader = eventHeader;
        this.deliveryHeader = deliveryHeader;
        this.pushEvent = pushEvent;
        this.pingEvent = pingEvent;
        this.signatureHeader = signatureHeader;
        this.signing = signing;
    }

    /** The provider name carried in {@code PushReceived} and in the endpoint {@code /hooks/<id>}. */
    public String id() {
        return id;
    }

    String signatureHeader() {
        return signatureHeader;
    }

    /** Whether the delivery is signed by one of {@code secrets}. */
    boolean verify(List<String> secrets, byte[] body, @Nullable String signature) {
        return switch (signing) {
            case HMAC_SHA256_PREFIXED -> WebhookSignatures.verifyHmacSha256(secrets, body, signature, "sha256=");
            case HMAC_SHA256_HEX -> WebhookSignatures.verifyHmacSha256(secrets, body, signature, "");
            case TOKEN -> WebhookSignatures.verifyToken(secrets, signature);
        };
    }

    /** The event the forge sent; a push when it names none (the plain endpoint). */
    String event(Headers headers) {
        String event = headers.get(eventHeader);
        return event == null || event.isBlank() ? pushEvent : event.strip();
    }

    boolean isPush(String event) {
        return event.equals(pushEvent);
    }

    boolean isPing(String event) {
        return event.equals(pingEvent);
    }

    Optional<String> deliveryId(Headers headers) {
        return Optional.ofNullable(headers.get(deliveryHeader)).filter(s -> !s.isBlank());
    }

    public static Optional<Forge> named(String id) {
        for (Forge forge : values()) {
            if (forge.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(forge);
            }
        }
        return Optional.empty();
    }
}
