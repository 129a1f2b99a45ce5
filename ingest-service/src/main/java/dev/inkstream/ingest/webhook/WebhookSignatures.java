package dev.inkstream.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** Webhook signature checks. Every comparison is constant-time. */
public final class WebhookSignatures {

    private static final String GITHUB_PREFIX = "sha256=";

    /**
     * Whether {@code signature} is {@code prefix} followed by the hex HMAC-SHA256 of {@code body}
     * under any of {@code secrets} (GitHub: prefix {@code sha256=}; Gitea and Forgejo: no prefix).
     */
    public static boolean verifyHmacSha256(List<String> secrets, byte[] body, @Nullable String signature, String prefix) {
        if (signature == null || !signature.startsWith(prefix)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(signature.substring(prefix.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            // No early exit: the time taken does not reveal which secret, if any, matched.
            matched |= MessageDigest.isEqual(hmacSha256(secret, body), claimed);
        }
        return matched;
    }

    /** Whether {@code token} (GitLab's {@code X-Gitlab-Token}) is one of {@code secrets}. */
    public static boolean verifyToken(List<String> secrets, @Nullable String token) {
        if (token == null) {
            return false;
        }
        byte[] claimed = token.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), claimed);
        }
        return matched;
    }

    /** GitHub's {@code X-Hub-Signature-256} check. */
    public static boolean verifyGitHub(List<String> secrets, byte[] body, @Nullable String header) {
        return verifyHmacSha256(secrets, body, header, GITHUB_PREFIX);
    }

    /** {@code sha256=<hex>} as GitHub and the plain endpoint expect it; used by our own hooks and tests. */
    public static String signGitHub(String secret, byte[] body) {
        return GITHUB_PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private WebhookSignatures() {}
}
