package dev.inkstream.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir Path tmp;

    @Test
    void aMissingDirectoryIsCreated() {
        Path dir = tmp.resolve("a/b/data");

        assertThat(DataDirectory.prepare(dir)).isEqualTo(dir.toAbsolutePath()).isDirectory();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefusedByName() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "not a directory");

        assertThatThrownBy(() -> DataDirectory.prepare(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the data directory " + file + " is a file, not a directory; pass another --data or remove the file");
    }

    @Test
    void aReadOnlyDirectoryIsRefusedByName() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(dir)).as("skipped because this user (root?) may write to read-only directories").isFalse();

            assertThatThrownBy(() -> DataDirectory.prepare(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the data directory " + dir + " is not writable (");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
