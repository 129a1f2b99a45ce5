package dev.inkstream.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One local runtime (broker, S3 store, services, edge, demo repository) per test JVM: starting
 * Kafka and three Spring contexts costs seconds, so the integration tests share it and keep out
 * of each other's way by touching only files of their own.
 */
final class SharedRuntime {

    private static LocalRuntime runtime;

    static synchronized LocalRuntime get() throws Exception {
        if (runtime == null) {
            Path data = Files.createTempDirectory("inkstream-it");
            runtime = LocalRuntime.start(new LocalRuntime.Options(data, List.of(), 0, 0, "IT site"));
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
            runtime.announceAll();
        }
        return runtime;
    }

    private SharedRuntime() {}
}
