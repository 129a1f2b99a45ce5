package dev.inkstream.ingest.webhook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import dev.inkstream.events.EventJson;

/**
 * The few fields of a forge's push payload that ingest uses. The repository's clone URLs are
 * deliberately not read: what to fetch comes from configuration only.
 */
public record PushPayload(String repositoryFullName, String repositoryName, String ref, String before, String after) {

    /** Thrown for a body that is not a push payload; the message says which field is wrong. */
    public static class InvalidPayloadException extends RuntimeException {
        InvalidPayloadException(String message) {
            super(message);
        }
    }

    public static PushPayload parse(byte[] body) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPayloadException("payload is not JSON: " + e.getOriginalMessage());
        }
        JsonNode repository = root.path("repository");
        return new PushPayload(
                text(repository, "full_name", text(repository, "name", "")),
                text(repository, "name", ""),
                required(root, "ref"),
                text(root, "before", ""),
                text(root, "after", ""));
    }

    /** Whether the payload deletes the branch rather than moving it. */
    public boolean deletesBranch() {
        return after.chars().allMatch(c -> c == '0');
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field, "");
        if (value.isEmpty()) {
            throw new InvalidPayloadException("payload has no '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : fallback;
    }
}
