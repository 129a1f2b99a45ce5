package dev.inkstream.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import dev.inkstream.support.s3.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class EmbeddedS3ServerIT {

    private static final String BUCKET = "site";
    private static final String PAGE_KEY = "posts/hello/index.html";
    private static final String PAGE = "<h1>Héllo</h1>";

    @TempDir
    Path baseDir;

    @Test
    void storesObjectsAsFilesAndServesThemThroughTheS3Api() throws Exception {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(baseDir, 0);
                S3Client s3 = S3Clients.forEmbedded(server)) {
            server.ensureBucket(BUCKET);
            server.ensureBucket(BUCKET);

            s3.putObject(b -> b.bucket(BUCKET).key(PAGE_KEY)
                            .contentType("text/html; charset=utf-8")
                            .cacheControl("public, max-age=60"),
                    RequestBody.fromString(PAGE, StandardCharsets.UTF_8));
            s3.putObject(b -> b.bucket(BUCKET).key("feed.xml").contentType("application/atom+xml"),
                    RequestBody.fromString("<feed/>"));

            ResponseBytes<GetObjectResponse> page = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(PAGE_KEY));
            assertThat(page.asString(StandardCharsets.UTF_8)).isEqualTo(PAGE);
            // S3Proxy's Jetty re-serialises the media type without the optional space; same type.
            assertThat(page.response().contentType()).isEqualToIgnoringWhitespace("text/html; charset=utf-8");
            assertThat(page.response().cacheControl()).isEqualTo("public, max-age=60");
            assertThat(page.response().eTag()).matches("\"[0-9a-f]{32}\"");

            Path file = baseDir.resolve(BUCKET).resolve(PAGE_KEY);
            assertThat(file).exists();
            assertThat(Files.readString(file)).isEqualTo(PAGE);

            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
                    .extracting(S3Object::key)
                    .containsExactlyInAnyOrder(PAGE_KEY, "feed.xml");

            DeleteObjectsResponse deleted = s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(
                    ObjectIdentifier.builder().key(PAGE_KEY).build(),
                    ObjectIdentifier.builder().key("feed.xml").build())));
            assertThat(deleted.errors()).isEmpty();
            assertThat(deleted.deleted()).hasSize(2);
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void refusesRequestsSignedWithTheWrongSecret() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(baseDir, 0);
                S3Client intruder = dev.inkstream.support.s3.S3Clients.create(new S3Settings(server.endpoint(),
                        server.region(), BUCKET, server.accessKey(), "not-the-secret", true))) {
            server.ensureBucket(BUCKET);
            assertThatThrownBy(() -> intruder.listObjectsV2(b -> b.bucket(BUCKET)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
