package dev.inkstream.ingest.webhook;

import dev.inkstream.events.PushReceived;
import dev.inkstream.events.Topics;
import dev.inkstream.ingest.IngestSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitHub's push webhook. Answers 202 only once {@link PushReceived} is durably in Kafka; all git
 * work happens later, in the push consumer, so the forge gets its answer in milliseconds.
 */
@RestController
public class GitHubWebhookController {

    private static final Logger log = LoggerFactory.getLogger(GitHubWebhookController.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final IngestSettings settings;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    public GitHubWebhookController(IngestSettings settings, KafkaTemplate<String, Object> kafka) {
        this.settings = settings;
        this.kafka = kafka;
        this.clock = Clock.systemUTC();
    }

    @PostMapping("/hooks/github")
    public ResponseEntity<Map<String, String>> receive(
            @RequestHeader(value = "X-GitHub-Event", defaultValue = "push") String event,
            @RequestHeader(value = "X-Hub-Signature-256", required = false) @Nullable String signature,
            @RequestHeader(value = "X-GitHub-Delivery", required = false) @Nullable String deliveryId,
            HttpServletRequest request) throws IOException {
        long limit = settings.maxPayload().toBytes();
        String tooLarge = "payload over the " + limit / (1024 * 1024) + " MB limit refused";
        if (request.getContentLengthLong() > limit) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, tooLarge);
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, tooLarge);
        }
        PushPayload payload;
        try {
            payload = PushPayload.parse(body);
        } catch (PushPayload.InvalidPayloadException e) {
            return answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var configured = settings.repositoryNamed(payload.repositoryFullName(), payload.repositoryName());
        if (configured.isEmpty()) {
            log.warn("webhook for unconfigured repository '{}' refused (delivery {})", payload.repositoryFullName(), deliveryId);
            return answer(HttpStatus.NOT_FOUND, "repository '" + payload.repositoryFullName() + "' is not configured");
        }
        String repoId = configured.get().getKey();
        IngestSettings.Repository repository = configured.get().getValue();
        if (!WebhookSignatures.verifyGitHub(repository.secrets(), body, signature)) {
            log.warn("webhook for repository {} refused: {} signature (delivery {})",
                    repoId, signature == null ? "missing" : "invalid", deliveryId);
            return answer(HttpStatus.UNAUTHORIZED, signature == null ? "missing X-Hub-Signature-256" : "invalid signature");
        }
        if (event.equals("ping")) {
            return answer(HttpStatus.OK, "pong");
        }
        if (!event.equals("push")) {
            log.info("ignored {} event for {}: only push events are published", event, repoId);
            return answer(HttpStatus.ACCEPTED, "ignored: " + event + " events are not published");
        }
        if (!payload.ref().equals(repository.branchRef())) {
            log.info("ignored push to {} of {}: only {} is published", payload.ref(), repoId, repository.branchRef());
            return answer(HttpStatus.ACCEPTED, "ignored: only " + repository.branchRef() + " is published");
        }
        if (payload.deletesBranch()) {
            log.info("ignored deletion of {} in {}", payload.ref(), repoId);
            return answer(HttpStatus.ACCEPTED, "ignored: branch deletion");
        }
        String delivery = deliveryId == null ? UUID.randomUUID().toString() : deliveryId;
        var push = new PushReceived("github", delivery, repoId, payload.ref(), payload.before(), payload.after(), clock.instant());
        try {
            kafka.executeInTransaction(ops -> ops.send(Topics.PUSH, repoId, push))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "interrupted before the push was recorded");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("could not record push {} of {} (delivery {}): {}", payload.after(), repoId, delivery, e.toString());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "push could not be recorded; the forge may retry");
        }
        log.info("push received: repo={} ref={} after={} delivery={}", repoId, payload.ref(), payload.after(), delivery);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("status", "accepted", "repo", repoId, "after", payload.after(), "delivery", delivery));
    }

    /** The body, or {@code null} when it is longer than {@code limit} (chunked bodies have no length up front). */
    private static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.is2xxSuccessful() ? "ok" : "refused", "message", message));
    }
}
