package dev.inkstream.ingest.webhook;

import dev.inkstream.events.PushReceived;
import dev.inkstream.ingest.IngestSettings;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * What to do with one webhook delivery, decided without side effects: refuse it, acknowledge
 * and ignore it, answer a ping, or accept it as a {@link PushReceived} to record.
 */
public final class WebhookIntake {

    /** The decision about one delivery. */
    public sealed interface Verdict {
        HttpStatus status();

        String message();
    }

    public record Refused(HttpStatus status, String message) implements Verdict {}

    /** Acknowledged (202) so the forge does not retry, but nothing is recorded. */
    public record Ignored(String message) implements Verdict {
        @Override
        public HttpStatus status() {
            return HttpStatus.ACCEPTED;
        }
    }

    public record Pong(String message) implements Verdict {
        @Override
        public HttpStatus status() {
            return HttpStatus.OK;
        }
    }

    /** To be recorded durably; only then is the delivery answered 202. */
    public record Accepted(PushReceived push) implements Verdict {
        @Override
        public HttpStatus status() {
            return HttpStatus.ACCEPTED;
        }

        @Override
        public String message() {
            return "accepted";
        }
    }

    private final IngestSettings settings;
    private final Clock clock;

    public WebhookIntake(IngestSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Verdict judge(Forge forge, Forge.Headers headers, byte[] body) {
        PushPayload payload;
        try {
            payload = PushPayload.parse(forge, body);
        } catch (PushPayload.InvalidPayloadException e) {
            return new Refused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var configured = settings.repositoryNamed(payload.repositoryFullName(), payload.repositoryName());
        if (configured.isEmpty()) {
            return new Refused(HttpStatus.NOT_FOUND, "repository '" + payload.repositoryFullName() + "' is not configured");
        }
        String repoId = configured.get().getKey();
        IngestSettings.Repository repository = configured.get().getValue();
        String signature = headers.get(forge.signatureHeader());
        if (signature == null) {
            return new Refused(HttpStatus.UNAUTHORIZED, "missing " + forge.signatureHeader());
        }
        if (!forge.verify(repository.secrets(), body, signature)) {
            return new Refused(HttpStatus.UNAUTHORIZED, "invalid signature");
        }
        String event = forge.event(headers);
        if (forge.isPing(event)) {
            return new Pong("pong");
        }
        if (!forge.isPush(event)) {
            return new Ignored("ignored: " + event + " events are not published");
        }
        try {
            payload.requirePush();
        } catch (PushPayload.InvalidPayloadException e) {
            return new Refused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (payload.isTag()) {
            return new Ignored("ignored: tag " + payload.ref() + " is not published");
        }
        if (!payload.ref().equals(repository.branchRef())) {
            return new Ignored("ignored: only " + repository.branchRef() + " is published");
        }
        if (payload.deletesBranch()) {
            return new Ignored("ignored: branch deletion");
        }
        String delivery = forge.deliveryId(headers).orElseGet(() -> UUID.randomUUID().toString());
        return new Accepted(new PushReceived(forge.id(), delivery, repoId, payload.ref(), payload.before(),
                payload.after(), clock.instant()));
    }
}
