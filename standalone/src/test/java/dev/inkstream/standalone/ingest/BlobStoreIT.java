package dev.inkstream.standalone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.events.BlobKeys;
import dev.inkstream.ingest.blob.BlobStore;
import dev.inkstream.standalone.LocalRuntime;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Ingest's claim-check store against a real S3 API (S3Proxy) and a real git repository. */
class BlobStoreIT {

    @TempDir
    Path dir;
    EmbeddedS3Server server;
    S3Client s3;
    Git git;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedS3Server.start(dir.resolve("s3"), 0);
        server.ensureBucket(LocalRuntime.BUCKET);
        s3 = S3Clients.forEmbedded(server);
        git = Git.init().setDirectory(dir.resolve("repo").toFile()).call();
    }

    @AfterEach
    void stop() {
        git.close();
        s3.close();
        server.close();
    }

    /** Blobs with these contents in the repository, by id. */
    private List<String> blobs(List<String> contents) throws IOException {
        Repository repository = git.getRepository();
        List<String> ids = new ArrayList<>();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            for (String content : contents) {
                ids.add(inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)).name());
            }
            inserter.flush();
        }
        return ids;
    }

    /** Blobs {@code prefix + 0} to {@code prefix + (count - 1)}, by id. */
    private List<String> numbered(String prefix, int count) throws IOException {
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contents.add(prefix + i);
        }
        return blobs(contents);
    }

    @Test
    void storesEveryBlobOnceManyAtATimeAndSkipsThoseAlreadyThere() throws Exception {
        List<String> ids = numbered("image ", 40);
        BlobStore store = new BlobStore(s3, LocalRuntime.BUCKET, 6);

        assertThat(store.ensureStored(git.getRepository(), ids.subList(0, 10))).isEqualTo(10);
        // The same blob twice in one push (two paths, one image) is stored once.
        List<String> withRepeat = new ArrayList<>(ids);
        withRepeat.add(ids.get(20));
        assertThat(store.ensureStored(git.getRepository(), withRepeat)).isEqualTo(30);
        assertThat(store.ensureStored(git.getRepository(), ids)).isZero();

        for (int i : new int[] {0, 17, 39}) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(BlobKeys.of(ids.get(i)))).asUtf8String())
                    .isEqualTo("image " + i);
        }
    }

    @Test
    void aPushsBlobsAreStoredBatchByBatchEachOnceHoweverManyBatchesShareThem() throws Exception {
        List<String> ids = numbered("shared image ", 6);
        new BlobStore(s3, LocalRuntime.BUCKET, 3).ensureStored(git.getRepository(), ids.subList(0, 1));
        AtomicInteger puts = new AtomicInteger();
        BlobStore store = new BlobStore(counting(s3, "putObject", puts), LocalRuntime.BUCKET, 3);

        BlobStore.Unstored unstored = store.unstored(ids);
        // Batches of a push, as ingest sends them: the same images appear in several, one twice in one.
        assertThat(unstored.storeAmong(git.getRepository(), List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(2)))).isEqualTo(2);
        assertThat(unstored.storeAmong(git.getRepository(), List.of(ids.get(1), ids.get(3)))).isEqualTo(1);
        assertThat(unstored.storeAmong(git.getRepository(), List.of(ids.get(2), ids.get(3), ids.get(1)))).isZero();
        assertThat(unstored.storeAmong(git.getRepository(), List.of(ids.get(5), ids.get(4)))).isEqualTo(2);
        assertThat(puts).as("uploads, one per blob the store lacked").hasValue(5);

        for (int i = 0; i < ids.size(); i++) {
            String key = BlobKeys.of(ids.get(i));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(key)).asUtf8String())
                    .isEqualTo("shared image " + i);
        }
    }

    /** {@code client}, counting the calls of its method {@code name} in {@code calls}. */
    private static S3Client counting(S3Client client, String name, AtomicInteger calls) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals(name)) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(client, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void manyBlobsAreFoundMissingByListingTheStoreAndStoredWithoutAskingAgain() throws Exception {
        List<String> ids = numbered("picture ", 12);
        // Lists from 5 blobs on, so a push of 12 lists and one of 3 asks per blob.
        BlobStore store = new BlobStore(s3, LocalRuntime.BUCKET, 4, 5);
        s3.putObject(b -> b.bucket(LocalRuntime.BUCKET).key("_inkstream/other/" + ids.get(0)),
                RequestBody.fromString("not a blob"));

        assertThat(store.ensureStored(git.getRepository(), ids.subList(0, 3))).isEqualTo(3);
        assertThat(store.missing(ids)).as("listed: the three stored are not missing, the rest are")
                .containsExactlyElementsOf(ids.subList(3, 12));
        store.store(git.getRepository(), store.missing(ids));
        assertThat(store.missing(ids)).isEmpty();
        assertThat(store.missing(ids.subList(10, 12))).as("asked per blob").isEmpty();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(LocalRuntime.BUCKET).key(BlobKeys.of(ids.get(11)))).asUtf8String())
                .isEqualTo("picture 11");
    }

    @Test
    void aBlobTheRepositoryLacksFailsTheWholeCallAfterTheOthersAreStored() throws Exception {
        String present = blobs(List.of("here")).getFirst();
        String missing = "0123456789012345678901234567890123456789";
        BlobStore store = new BlobStore(s3, LocalRuntime.BUCKET, 2);

        assertThatThrownBy(() -> store.ensureStored(git.getRepository(), List.of(missing, present)))
                .isInstanceOf(MissingObjectException.class).hasMessageContaining(missing);
        assertThat(store.ensureStored(git.getRepository(), List.of(present))).isZero();
    }

    @Test
    void concurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> new BlobStore(s3, LocalRuntime.BUCKET, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blob concurrency must be at least 1, was 0");
    }
}
