package dev.inkstream.standalone.infra;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runtime's data directory, checked before anything is started in it: Kafka halts the whole
 * process when it cannot write its log, with a message about log directories that tells a user
 * nothing, so a directory that cannot be used is refused up front with one that does.
 */
public final class DataDirectory {

    /** Below this, Kafka's segments, the mirrors and the bucket can fill the disk within a few pushes. */
    public static final long MINIMUM_FREE_BYTES = 256L * 1024 * 1024;

    private DataDirectory() {}

    /**
     * Creates {@code dir} if needed and proves it writable with a probe file.
     *
     * @throws IllegalStateException naming the directory and what is wrong with it
     */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalStateException("the data directory " + absolute + " is a file, not a directory; "
                    + "pass another --data or remove the file");
        }
        try {
            Files.createDirectories(absolute);
            Path probe = Files.createTempFile(absolute, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("the data directory " + absolute + " is not writable (" + e + "); "
                    + "pass a writable --data", e);
        }
        long free = usableSpace(absolute);
        if (free >= 0 && free < MINIMUM_FREE_BYTES) {
            throw new IllegalStateException("the data directory " + absolute + " has only " + free / (1024 * 1024)
                    + " MiB free; Kafka stops when its disk fills, so at least " + MINIMUM_FREE_BYTES / (1024 * 1024)
                    + " MiB are required. Free some space or pass another --data");
        }
        return absolute;
    }

    private static long usableSpace(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
