package dev.inkstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.publish.deploy.BucketDeployer;
import dev.inkstream.publish.deploy.DeployPlan;
import dev.inkstream.publish.deploy.ReleaseStore;
import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code inkstream rollback} on a data directory's bucket, with no broker and no services. */
class RollbackCommandIT {

    @TempDir Path data;

    @Test
    void listsRollsBackAndRefusesWithTheReason() throws Exception {
        assertThat(rollback("--data", data.toString()).output()).contains("nothing has been published with --data");
        publish("aaa111", 1, "<p>first</p>");
        publish("bbb222", 2, "<p>second</p>");

        CliRun list = rollback("--data", data.toString(), "--list");
        CliRun back = rollback("--data", data.toString());
        CliRun again = rollback("--data", data.toString(), "--to", "aaa");
        CliRun unknown = rollback("--data", data.toString(), "--to", "zzz");

        assertThat(list.exit()).isZero();
        assertThat(list.output()).containsSubsequence("bbb222  2026-01-02T00:00:00Z  1 objects  (live)", "aaa111  2026-01-01");
        assertThat(back.exit()).as(back.output()).isZero();
        assertThat(back.output()).contains("Rolled back from bbb222 to aaa111 (published 2026-01-01T00:00:00Z): 1 objects"
                + " restored from stored bytes, 0 deleted, 0 unchanged.", "a replay of bbb222 is held");
        assertThat(livePage()).isEqualTo("<p>first</p>");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.output()).contains("cannot roll back: release aaa111 is already live");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("no retained release is zzz; retained: bbb222, aaa111");
    }

    private void publish(String commit, int day, String html) {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(data.resolve("s3"), 0);
                S3Client s3 = S3Clients.forEmbedded(server)) {
            server.ensureBucket(LocalRuntime.BUCKET);
            ReleaseStore store = new ReleaseStore(s3, LocalRuntime.BUCKET);
            new BucketDeployer(store, s3, 4).apply("", "site", commit,
                    DeployPlan.between(store.live("", "site"), List.of(OutputObject.html("a/index.html", html, "no-cache"))), "no-cache",
                    Instant.parse("2026-01-0" + day + "T00:00:00Z"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String livePage() throws Exception {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(data.resolve("s3"), 0);
                S3Client s3 = S3Clients.forEmbedded(server)) {
            return s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key("a/index.html")).asUtf8String();
        }
    }

    private static CliRun rollback(String... args) {
        return CliRun.of("rollback", args);
    }
}
