package dev.inkstream.standalone;

import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.ReleaseManifest;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.deploy.Rollback;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code inkstream rollback}: makes an earlier release of a site current again, on the bucket
 * alone (no broker, no services), so it works whatever state the pipeline is in.
 */
final class RollbackCommand {

    /** Requests in flight while restoring. */
    private static final int CONCURRENCY = 16;

    private final Path data;
    private final @Nullable String to;
    private final String prefix;
    private final boolean list;

    /** {@code site} is the name of a site published under its own prefix; absent for the root site. */
    RollbackCommand(Path data, @Nullable String to, @Nullable String site, boolean list) {
        this.data = data;
        this.to = to;
        this.prefix = site == null || site.isBlank() ? "" : site.replaceAll("^/+|/+$", "") + "/";
        this.list = list;
    }

    int run() throws Exception {
        Path store = data.resolve("s3");
        if (!Files.isDirectory(store.resolve(LocalRuntime.BUCKET))) {
            System.err.println("inkstream: nothing has been published with --data " + data);
            return 2;
        }
        try (EmbeddedS3Server server = EmbeddedS3Server.start(store, 0);
                S3Client s3 = S3Clients.forEmbedded(server)) {
            var releases = new ReleaseStore(s3, LocalRuntime.BUCKET);
            if (list) {
                ReleaseManifest live = releases.live(prefix, "");
                for (ReleaseManifest release : releases.releases(prefix)) {
                    System.out.printf("%s  %s  %d objects%s%n", release.releaseId(), release.publishedAt(),
                            release.objects().size(), release.releaseId().equals(live.releaseId()) ? "  (live)" : "");
                }
                return 0;
            }
            try {
                Rollback.Result result = new Rollback(new BucketDeployer(releases, s3, CONCURRENCY))
                        .rollback(prefix, "", to, "no-cache");
                System.out.printf("Rolled back%s from %s to %s (published %s): %d objects restored from stored bytes,"
                                + " %d deleted, %d unchanged.%nThe next push publishes over it; until then a replay of %s is"
                                + " held. To keep %s, revert the commits after it in git.%n",
                        prefix.isEmpty() ? "" : " " + prefix, result.from().releaseId(), result.to().releaseId(),
                        result.to().publishedAt(), result.plan().uploads().size(), result.plan().deletions().size(),
                        result.plan().unchanged().size(), result.from().releaseId(), result.to().releaseId());
                return 0;
            } catch (Rollback.RefusedException refused) {
                System.err.println("inkstream: cannot roll back: " + refused.getMessage());
                return 2;
            }
        }
    }
}
