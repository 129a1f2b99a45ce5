package dev.inkstream.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class StoreWriteFailuresTest {

    @Test
    void namesWhatIsWrongWithTheDirectoryFromTheIoErrorUnderneath() {
        assertThat(StoreWriteFailures.problem(new RuntimeException(
                new FileSystemException("/data/s3/inkstream/a.html-1", null, "Read-only file system"))))
                .isEqualTo("Read-only file system");
        assertThat(StoreWriteFailures.problem(new UncheckedIOException(new IOException("No space left on device"))))
                .isEqualTo("No space left on device");
        assertThat(StoreWriteFailures.problem(new RuntimeException(new AccessDeniedException("/data/s3/inkstream/a.html-1"))))
                .isEqualTo("permission denied");
    }

    @Test
    void aFailureThatIsNotAboutTheDiskIsNotBlamedOnIt() {
        assertThat(StoreWriteFailures.problem(new IllegalArgumentException("bad key"))).isNull();
    }
}
