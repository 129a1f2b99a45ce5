package dev.inkstream.standalone.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once and in words, that the store's directory cannot be written (read-only, full, not
 * permitted), and again when it can be. S3 clients only ever see {@code 500 InternalError}
 * for it, so without this a user of {@code ./inkstream up} reads "publishing failed" over and
 * over and never learns it is the disk. The failure itself is passed on unchanged: publish
 * keeps the live release and retries. It also removes what a failed write leaves behind.
 */
final class StoreWriteFailures extends ForwardingBlobStore {

    private static final Logger log = LoggerFactory.getLogger(StoreWriteFailures.class);

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;
    /** The problem last reported, until a write succeeds again. */
    private final AtomicReference<@Nullable String> reported = new AtomicReference<>();

    StoreWriteFailures(BlobStore store, Path directory) {
        super(store);
        this.directory = directory;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return writing(container, blob.getMetadata().getName(), () -> super.putBlob(container, blob));
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        return writing(container, blob.getMetadata().getName(), () -> super.putBlob(container, blob, options));
    }

    @Override
    public String copyBlob(String fromContainer, String fromName, String toContainer, String toName, CopyOptions options) {
        return writing(toContainer, toName, () -> super.copyBlob(fromContainer, fromName, toContainer, toName, options));
    }

    @Override
    public void removeBlob(String container, String name) {
        writing(container, null, () -> {
            super.removeBlob(container, name);
            return null;
        });
    }

    @Override
    public void removeBlobs(String container, Iterable<String> names) {
        writing(container, null, () -> {
            super.removeBlobs(container, names);
            return null;
        });
    }

    /** Runs a write of {@code name} (null for deletions) in {@code container}. */
    private <T> T writing(String container, @Nullable String name, Supplier<T> write) {
        T result;
        try {
            result = write.get();
        } catch (RuntimeException e) {
            if (name != null) {
                removeTemporaryFiles(container, name);
            }
            String problem = problem(e);
            if (problem != null && !problem.equals(reported.getAndSet(problem))) {
                log.error("the object store cannot write to its directory {}: {}. Releases wait and are retried until it can;"
                        + " the live site stays as it is", directory, problem);
            }
            throw e;
        }
        if (reported.getAndSet(null) != null) {
            log.info("the object store can write to {} again", directory);
        }
        return result;
    }

    /**
     * The file store writes an object to {@code <name>-<uuid>} and renames it into place, but
     * leaves that file behind when the write fails (a full disk): without the attributes an
     * object has, it then fails every listing of the bucket, long after the disk has room again.
     */
    private void removeTemporaryFiles(String container, String name) {
        Path target = directory.resolve(container).resolve(name).normalize();
        Path folder = target.getParent();
        if (folder == null || !target.startsWith(directory) || !Files.isDirectory(folder)) {
            return;
        }
        String prefix = target.getFileName() + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, path -> {
            String file = path.getFileName().toString();
            return file.startsWith(prefix) && UUID.matcher(file.substring(prefix.length())).matches();
        })) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not remove what a failed write left in {}: {}", folder, e.toString());
        }
    }

    /** What is wrong with the directory, when an I/O error is what failed the write. */
    static @Nullable String problem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (cause instanceof FileSystemException fs && fs.getReason() != null) {
                return fs.getReason();
            }
            if (cause instanceof IOException io) {
                return Objects.requireNonNullElse(io.getMessage(), io.getClass().getSimpleName());
            }
        }
        return null;
    }
}
