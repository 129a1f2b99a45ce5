package dev.inkstream.ingest.webhook;

import dev.inkstream.events.PushReceived;
import dev.inkstream.events.Topics;
import dev.inkstream.ingest.IngestSettings;
import dev.inkstream.support.tracing.LogFields;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The push webhooks: {@code POST /hooks/github}, {@code /hooks/gitlab}, {@code /hooks/gitea},
 * {@code /hooks/forgejo} and {@code /hooks/plain}. A push is answered 202 only once its
 * {@link PushReceived} is durably in Kafka; all git work happens later, in the push consumer, so
 * the forge gets its answer in milliseconds whatever git is doing.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final int REMEMBERED_DELIVERIES = 10_000;

    private final IngestSettings settings;
    private final WebhookIntake intake;
    private final KafkaTemplate<String, Object> kafka;
    private final RecentDeliveries recent = new RecentDeliveries(REMEMBERED_DELIVERIES);
    private final MeterRegistry meters;

    public WebhookController(IngestSettings settings, KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
        this.settings = settings;
        this.intake = new WebhookIntake(settings, Clock.systemUTC());
        this.kafka = kafka;
        this.meters = meters;
    }

    /** Every delivery is counted by forge and answer, so refused and failed ones show on a dashboard. */
    @PostMapping("/hooks/{forgeName}")
    public ResponseEntity<Map<String, String>> receive(@PathVariable String forgeName, HttpServletRequest request)
            throws IOException {
        ResponseEntity<Map<String, String>> answer = answerDelivery(forgeName, request);
        meters.counter("inkstream.webhook.deliveries",
                "forge", Forge.named(forgeName).map(Forge::id).orElse("unknown"),
                "status", String.valueOf(answer.getStatusCode().value())).increment();
        return answer;
    }

    private ResponseEntity<Map<String, String>> answerDelivery(String forgeName, HttpServletRequest request)
            throws IOException {
        var forge = Forge.named(forgeName);
        if (forge.isEmpty()) {
            return answer(HttpStatus.NOT_FOUND, "no webhook endpoint for '" + forgeName
                    + "'; use github, gitlab, gitea, forgejo or plain");
        }
        long limit = settings.maxPayload().toBytes();
        String tooLarge = "payload over the " + limit / (1024 * 1024) + " MB limit refused";
        if (request.getContentLengthLong() > limit) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, tooLarge);
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, tooLarge);
        }

        WebhookIntake.Verdict verdict = intake.judge(forge.get(), request::getHeader, body);
        return switch (verdict) {
            case WebhookIntake.Accepted accepted -> record(accepted.push());
            case WebhookIntake.Refused refused -> {
                log.warn("{} webhook refused ({}): {}", forge.get().id(), refused.status().value(), refused.message());
                yield answer(refused.status(), refused.message());
            }
            default -> {
                log.info("{} webhook: {}", forge.get().id(), verdict.message());
                yield answer(verdict.status(), verdict.message());
            }
        };
    }

    /**
     * Runs in the request's span (Boot's HTTP server observation, which continues a {@code traceparent}
     * header the forge sent): the push's trace starts here, and {@link PushReceived} carries it on.
     */
    private ResponseEntity<Map<String, String>> record(PushReceived push) {
        try (LogFields fields = LogFields.open().repo(push.repo()).commit(push.after()).delivery(push.deliveryId())) {
            return recordDurably(push);
        }
    }

    private ResponseEntity<Map<String, String>> recordDurably(PushReceived push) {
        try {
            var outcome = recent.recordOnce(push.provider(), push.deliveryId(),
                    () -> kafka.executeInTransaction(ops -> ops.send(Topics.PUSH, push.repo(), push))
                            .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    SEND_TIMEOUT_SECONDS);
            if (outcome == RecentDeliveries.Outcome.ALREADY_RECORDED) {
                log.info("redelivery {} of {} acknowledged; already recorded", push.deliveryId(), push.repo());
                return answer(HttpStatus.ACCEPTED, "ignored: delivery " + push.deliveryId() + " already recorded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "interrupted before the push was recorded");
        } catch (Exception e) {
            log.error("could not record push repo={} after={} delivery={}: {}", push.repo(), push.after(),
                    push.deliveryId(), e.toString());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "push could not be recorded; the forge may retry");
        }
        log.info("push received: provider={} repo={} ref={} after={} delivery={}",
                push.provider(), push.repo(), push.ref(), push.after(), push.deliveryId());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "accepted");
        body.put("repo", push.repo());
        body.put("after", push.after());
        body.put("delivery", push.deliveryId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    /** The body, or {@code null} when it is longer than {@code limit} (chunked bodies have no length up front). */
    private static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .body(Map.of("status", status.is2xxSuccessful() ? "ok" : "refused", "message", message));
    }
}
