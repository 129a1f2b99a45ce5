package dev.inkstream.ingest.webhook;

import dev.inkstream.events.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The few fields of a forge's push payload that ingest uses. The repository's clone URLs are
 * deliberately not read: what to fetch comes from configuration only.
 *
 * @param repositoryFullName the forge's {@code owner/name} (GitLab: {@code path_with_namespace})
 * @param repositoryName     the short name
 */
public record PushPayload(String repositoryFullName, String repositoryName, String ref, String before, String after) {

    /** Thrown for a body that is not a push payload; the message says which field is wrong. */
    public static class InvalidPayloadException extends RuntimeException {
        InvalidPayloadException(String message) {
            super(message);
        }
    }

    private static final String ZEROS = "0000000000000000000000000000000000000000";
    /** SHA-1 or SHA-256 object names. */
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public static PushPayload parse(byte[] body) {
        return parse(Forge.GITHUB, body);
    }

    public static PushPayload parse(Forge forge, byte[] body) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPayloadException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new InvalidPayloadException("payload is not a JSON object");
        }
        String fullName;
        String name;
        switch (forge) {
            case GITLAB -> {
                JsonNode project = root.path("project");
                name = text(project, "name", text(root.path("repository"), "name", ""));
                fullName = text(project, "path_with_namespace", name);
            }
            case PLAIN -> {
                fullName = text(root, "repository", "");
                name = fullName;
            }
            default -> {
                JsonNode repository = root.path("repository");
                name = text(repository, "name", "");
                fullName = text(repository, "full_name", name);
            }
        }
        if (fullName.isEmpty()) {
            throw new InvalidPayloadException("payload names no repository");
        }
        return new PushPayload(fullName, name, text(root, "ref", ""), text(root, "before", ZEROS), text(root, "after", ""));
    }

    /**
     * Checks the fields a push needs. Only pushes are checked: a ping or another event names the
     * repository (to find the secret) but carries no ref.
     */
    public PushPayload requirePush() {
        if (ref.isEmpty()) {
            throw new InvalidPayloadException("payload has no 'ref'");
        }
        if (!COMMIT_ID.matcher(after).matches()) {
            throw new InvalidPayloadException("payload's 'after' is not a commit id: '" + after + "'");
        }
        return this;
    }

    /** Whether the push deletes the branch rather than moving it. */
    public boolean deletesBranch() {
        return after.chars().allMatch(c -> c == '0');
    }

    public boolean isTag() {
        return ref.startsWith("refs/tags/");
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : fallback;
    }
}
