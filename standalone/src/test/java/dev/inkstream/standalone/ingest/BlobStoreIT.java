package dev.inkstream.standalone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.events.BlobKeys;
import dev.inkstream.ingest.blob.BlobStore;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.jgit.errors.MissingObjectException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ingest's claim-check store against a real S3 API (S3Proxy) and a real git repository. */
class BlobStoreIT {

    @TempDir
    Path dir;

    @Test
    void storesEveryBlobOnceManyAtATimeAndSkipsThoseAlreadyThere() throws Exception {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(dir.resolve("s3"), 0);
                S3Client s3 = S3Clients.forEmbedded(server);
                Git git = Git.init().setDirectory(dir.resolve("repo").toFile()).call()) {
            server.ensureBucket(LocalRuntime.BUCKET);
            Repository repository = git.getRepository();
            List<String> ids = new ArrayList<>();
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                for (int i = 0; i < 40; i++) {
                    ids.add(inserter.insert(Constants.OBJ_BLOB, ("image " + i).getBytes(StandardCharsets.UTF_8)).name());
                }
                inserter.flush();
            }
            BlobStore blobs = new BlobStore(s3, LocalRuntime.BUCKET, 6);

            assertThat(blobs.ensureStored(repository, ids.subList(0, 10))).isEqualTo(10);
            // The same blob twice in one push (two paths, one image) is stored once.
            List<String> all = new ArrayList<>(ids);
            all.add(ids.get(20));
            assertThat(blobs.ensureStored(repository, all)).isEqualTo(30);
            assertThat(blobs.ensureStored(repository, ids)).isZero();

            for (int i : new int[] {0, 17, 39}) {
                assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(BlobKeys.of(ids.get(i)))).asUtf8String())
                        .isEqualTo("image " + i);
            }
        }
    }

    @Test
    void aBlobTheRepositoryLacksFailsTheWholeCallAfterTheOthersAreStored() throws Exception {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(dir.resolve("s3"), 0);
                S3Client s3 = S3Clients.forEmbedded(server);
                Git git = Git.init().setDirectory(dir.resolve("repo").toFile()).call()) {
            server.ensureBucket(LocalRuntime.BUCKET);
            Repository repository = git.getRepository();
            String present;
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                present = inserter.insert(Constants.OBJ_BLOB, "here".getBytes(StandardCharsets.UTF_8)).name();
                inserter.flush();
            }
            String missing = "0123456789012345678901234567890123456789";
            BlobStore blobs = new BlobStore(s3, LocalRuntime.BUCKET, 2);

            assertThatThrownBy(() -> blobs.ensureStored(repository, List.of(missing, present)))
                    .isInstanceOf(MissingObjectException.class).hasMessageContaining(missing);
            assertThat(blobs.ensureStored(repository, List.of(present))).isZero();
        }
    }

    @Test
    void concurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> new BlobStore(null, LocalRuntime.BUCKET, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blob concurrency must be at least 1, was 0");
    }
}
