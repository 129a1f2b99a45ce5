package dev.inkstream.standalone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of a {@link LocalRuntime} in a child JVM of its own, against the runtime's broker
 * and store, so that a test can kill it as the kernel kills a process ({@code SIGKILL}: no
 * shutdown hook, no graceful close, nothing flushed or committed). Its stdout and stderr go to
 * a log file the test reads; {@link KillPoints} says where it can be made to wait for the kill.
 */
final class ForkedService implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String service;
    private final Process process;
    private final Path log;

    private ForkedService(String service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code service} as the runtime runs it (it must be stopped there first), with
     * {@code overrides} on top, e.g. a {@link KillPoints} setting.
     */
    static ForkedService start(LocalRuntime runtime, String service, Map<String, String> overrides, Path log)
            throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(runtime.serviceProperties(service));
        if (!service.equals("ingest")) {
            // Ingest keeps its port: it is the webhook the runtime announces pushes to.
            properties.put("server.port", "0");
        }
        // A process of its own stops when told to, as a service in production does.
        properties.put("spring.main.register-shutdown-hook", "true");
        properties.put("spring.main.log-startup-info", "true");
        // A killed member is noticed when its session expires: the broker's minimum, not 45 s.
        properties.put("spring.kafka.consumer.properties[session.timeout.ms]", "6000");
        properties.put("spring.kafka.consumer.properties[heartbeat.interval.ms]", "1000");
        properties.putAll(overrides);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkedServiceMain.class.getName());
        command.add(service);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ForkedService(service, process, log);
    }

    /** Waits until the service has printed a line starting with {@code prefix}; returns the rest of it. */
    String awaitLine(String prefix, Duration patience) {
        return await(service + " printing '" + prefix + "' (log " + log + ")").atMost(patience).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(service + " exited with " + process.exitValue() + " before printing '" + prefix
                                + "'; its log:\n" + String.join("\n", lines()));
                    }
                    return lines().stream().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()));
                }, java.util.Optional::isPresent).orElseThrow();
    }

    /** Waits for the service's log line saying Spring has started it. */
    void awaitStarted() {
        await(service + " started (log " + log + ")").atMost(STARTUP).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(service + " exited with " + process.exitValue() + "; its log:\n" + String.join("\n", lines()));
            }
            // Spring names the class whose main method ran: ForkedServiceMain.
            return lines().stream().anyMatch(l -> l.contains("Started " + ForkedServiceMain.class.getSimpleName()));
        });
    }

    /** Every line the service has printed so far. */
    List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code SIGKILL}, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(service + " survived SIGKILL for 30 s");
        }
    }

    /** {@code SIGTERM}: a graceful stop, as an orchestrator asks for one. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
