package dev.inkstream.ingest;

import dev.inkstream.support.settings.SettingsCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator sets for ingest ({@code inkstream.ingest.*}).
 *
 * @param dataDir         where the git mirrors live
 * @param repositories    the only repositories ingest accepts, by repository id
 * @param maxPayload      webhook bodies larger than this are refused with 413
 * @param inlineTextLimit text files up to this size travel inside the event; larger ones become an error page
 * @param maxFileSize     files larger than this are not published at all (reported in the change set)
 * @param documentsPerBatch how many documents of a push are read from git and sent at a time
 * @param blobConcurrency how many files (images, PDFs) are stored in the object store at once
 */
@ConfigurationProperties("inkstream.ingest")
public record IngestSettings(
        @DefaultValue("data/ingest") Path dataDir,
        @DefaultValue Map<String, Repository> repositories,
        @DefaultValue("25MB") DataSize maxPayload,
        @DefaultValue("1MB") DataSize inlineTextLimit,
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("500") int documentsPerBatch,
        @DefaultValue("8") int blobConcurrency) {

    public IngestSettings(Path dataDir, Map<String, Repository> repositories, DataSize maxPayload,
                          DataSize inlineTextLimit, DataSize maxFileSize, int documentsPerBatch) {
        this(dataDir, repositories, maxPayload, inlineTextLimit, maxFileSize, documentsPerBatch, 8);
    }

    /** The one Spring binds to (a record with a second constructor needs telling). */
    @ConstructorBinding
    public IngestSettings {
        SettingsCheck.atLeast("inkstream.ingest.blob-concurrency", 1, blobConcurrency);
        SettingsCheck.positive("inkstream.ingest.max-payload", maxPayload);
        SettingsCheck.positive("inkstream.ingest.inline-text-limit", inlineTextLimit);
        SettingsCheck.positive("inkstream.ingest.max-file-size", maxFileSize);
        SettingsCheck.atLeast("inkstream.ingest.documents-per-batch", 1, documentsPerBatch);
        repositories.forEach((id, repository) -> {
            String key = "inkstream.ingest.repositories." + id;
            SettingsCheck.notBlank(key + ".url", repository.url());
            SettingsCheck.notBlank(key + ".branch", repository.branch());
            // Without a secret no delivery can be verified, so every push would be refused with 401.
            SettingsCheck.notEmpty(key + ".secrets", repository.secrets(),
                    "the webhook secret(s) deliveries are signed with (" + key + ".secrets[0])");
        });
    }

    /**
     * One accepted repository.
     *
     * @param url      where to fetch from: a local path, {@code file://}, or {@code https://}; never
     *                 taken from a webhook payload
     * @param branch   the only branch that is published
     * @param secrets  webhook secrets; any one verifies a delivery, so a secret can be rotated
     * @param fullName the forge's name for it ({@code owner/name}) as webhook payloads carry it;
     *                 defaults to the repository id
     * @param username user name for https fetches with {@code token}
     * @param token    access token (or password) for https fetches; set it from a secret store,
     *                 e.g. {@code INKSTREAM_INGEST_REPOSITORIES_<ID>_TOKEN}
     * @param sshKey   private key file (a deploy key) for {@code ssh://} and {@code git@host:path} URLs
     * @param knownHosts known_hosts file that must list the server's host key; a server not in it
     *                 is refused
     */
    public record Repository(
            String url,
            @DefaultValue("main") String branch,
            @DefaultValue List<String> secrets,
            @Nullable String fullName,
            @DefaultValue("x-access-token") String username,
            @Nullable String token,
            @Nullable Path sshKey,
            @Nullable Path knownHosts) {

        /** The one Spring binds to (a record with a second constructor needs telling). */
        @ConstructorBinding
        public Repository {
        }

        public Repository(String url, String branch, List<String> secrets, @Nullable String fullName) {
            this(url, branch, secrets, fullName, "x-access-token", null, null, null);
        }

        public String branchRef() {
            return "refs/heads/" + branch;
        }
    }

    /** The configured repository a webhook payload names, matched by full name or by id. */
    public Optional<Map.Entry<String, Repository>> repositoryNamed(String fullName, String shortName) {
        return repositories.entrySet().stream()
                .filter(e -> fullName.equals(e.getValue().fullName())
                        || (e.getValue().fullName() == null && (e.getKey().equals(fullName) || e.getKey().equals(shortName))))
                .findFirst();
    }
}
