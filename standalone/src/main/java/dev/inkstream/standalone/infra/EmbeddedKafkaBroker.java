package dev.inkstream.standalone.infra;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster running inside this JVM: one KRaft node that is broker and
 * controller at once ("combined mode"), listening on the loopback interface only.
 *
 * <p>It uses the same server classes as {@code kafka-server-start.sh} ({@link KafkaRaftServer}
 * and the storage {@link Formatter} behind {@code kafka-storage.sh format}), not Kafka's test
 * kit, so transactions, compaction and consumer groups behave exactly as on a real broker.
 *
 * <p>Everything lives under the data directory, so the one-machine runtime can stop and resume:
 * the log directory is formatted only once, and the cluster id and both ports are kept in
 * {@value #STATE_FILE}. Reusing the ports keeps the bootstrap address stable across restarts,
 * so anything configured with it keeps working.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Name of the file in the data directory that remembers cluster id and ports. */
    static final String STATE_FILE = "embedded-kafka.properties";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    /** Written by the formatter; its presence is what "already formatted" means to Kafka. */
    private static final String META_PROPERTIES = "meta.properties";
    /** Large enough for a whole rendered page plus its metadata in one record. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /**
     * The internal offsets and transaction-state topics default to 50 partitions each, sized
     * for big clusters; a handful makes the first start and the directory listing much lighter.
     */
    private static final int INTERNAL_TOPIC_PARTITIONS = 4;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker on {@code dataDir}, creating and formatting it on first use and resuming
     * its topics and records afterwards. Returns once the broker accepts client requests.
     *
     * @throws IllegalStateException if a port remembered from an earlier run is taken
     */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        LogLevels.setIfUnset(Level.WARN, "kafka", "org.apache.kafka", "state.change.logger");
        // Its WARN on every first start ("controller activation … metadata log appears to be empty")
        // describes a normal fresh broker, and alarms users of ./inkstream up.
        LogLevels.setIfUnset(Level.ERROR, "org.apache.kafka.controller.QuorumController");
        Path absoluteDataDir = dataDir.toAbsolutePath();
        Path logDir = absoluteDataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + logDir, e);
        }
        StoredState state = StoredState.loadOrCreate(absoluteDataDir);
        state.requirePortsFree(absoluteDataDir);

        KafkaConfig config = new KafkaConfig(serverProperties(state, logDir), false);
        if (!Files.exists(logDir.resolve(META_PROPERTIES))) {
            format(config, state.clusterId());
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // Blocks until the broker has caught up with the metadata log and is unfenced,
            // i.e. until clients can really use it.
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        String bootstrap = HOST + ":" + state.brokerPort();
        log.info("Embedded Kafka broker ready at {} (data in {})", bootstrap, absoluteDataDir);
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    /**
     * The bootstrap address of the broker of {@code dataDir} if one is running now (another
     * {@code ./inkstream up} on the same data, say): its remembered port is taken.
     */
    public static java.util.Optional<String> runningAt(Path dataDir) {
        Path absoluteDataDir = dataDir.toAbsolutePath();
        if (!Files.exists(absoluteDataDir.resolve(STATE_FILE))) {
            return java.util.Optional.empty();
        }
        StoredState state = StoredState.loadOrCreate(absoluteDataDir);
        return StoredState.isFree(state.brokerPort()) ? java.util.Optional.empty() : java.util.Optional.of(HOST + ":" + state.brokerPort());
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts the broker down cleanly (flushing logs, writing checkpoints) and waits for it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    private static Map<String, String> serverProperties(StoredState state, Path logDir) {
        // All values as strings, the way a server.properties file gives them: KafkaConfig is
        // strict about boxed types (an Integer where it expects a Short is rejected).
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // A static single-voter quorum: no dynamic-quorum bootstrapping to get wrong, and the
        // controller port is pinned by the state file anyway.
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + state.controllerPort());
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + state.brokerPort() + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + state.controllerPort());
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + state.brokerPort());
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        // One node: every replication factor and ISR minimum has to be 1, or transactional and
        // exactly-once clients wait forever for internal topics that can never be created.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");

        // Consumers join immediately instead of waiting for more members that never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are part of the contract and created explicitly; a typo must fail, not create.
        props.put("auto.create.topics.enable", "false");
        props.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        // The default 128 MiB compaction buffer is sized for servers, not a laptop.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        // Kafka's default, pinned because it matters here: the controlled shutdown records the
        // broker's departure in the metadata log. Without it a restart on the same directory
        // waits out the old registration's session timeout (about 10 s) before serving.
        props.put("controlled.shutdown.enable", "true");
        return props;
    }

    private static void format(KafkaConfig config, String clusterId) {
        try {
            new Formatter()
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(config.logDirs())
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + config.logDirs(), e);
        }
    }

    /** What must survive a restart: the cluster id to format with, and the ports to reuse. */
    private record StoredState(String clusterId, int brokerPort, int controllerPort) {

        static StoredState loadOrCreate(Path dataDir) {
            Path file = dataDir.resolve(STATE_FILE);
            try {
                if (Files.exists(file)) {
                    Properties props = new Properties();
                    try (InputStream in = Files.newInputStream(file)) {
                        props.load(in);
                    }
                    return new StoredState(
                            required(props, "cluster.id", file),
                            Integer.parseInt(required(props, "broker.port", file)),
                            Integer.parseInt(required(props, "controller.port", file)));
                }
                int brokerPort = freePort();
                int controllerPort = freePort();
                while (controllerPort == brokerPort) {
                    controllerPort = freePort();
                }
                StoredState state = new StoredState(Uuid.randomUuid().toString(), brokerPort, controllerPort);
                state.save(file);
                return state;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read or write " + file, e);
            }
        }

        /**
         * Fails early with a message that says what to do, instead of Kafka's bind error from
         * deep inside startup (which would also leave a half-started server behind).
         */
        void requirePortsFree(Path dataDir) {
            for (int port : new int[] {brokerPort, controllerPort}) {
                if (!isFree(port)) {
                    throw new IllegalStateException("Port " + port + " used by the embedded Kafka broker in "
                            + dataDir + " is busy. Stop whatever is listening on it, or delete "
                            + dataDir.resolve(STATE_FILE) + " together with the Kafka data to start afresh.");
                }
            }
        }

        private void save(Path file) throws IOException {
            Properties props = new Properties();
            props.setProperty("cluster.id", clusterId);
            props.setProperty("broker.port", Integer.toString(brokerPort));
            props.setProperty("controller.port", Integer.toString(controllerPort));
            // Write-then-rename so a crash never leaves a truncated state file behind.
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "Embedded Kafka broker: keep with the kafka-logs directory");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        private static String required(Properties props, String key, Path file) {
            String value = props.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(file + " has no " + key);
            }
            return value.trim();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                return socket.getLocalPort();
            }
        }

        private static boolean isFree(int port) {
            try (ServerSocket socket = new ServerSocket()) {
                // Same option Kafka binds with, so lingering TIME_WAIT connections from the
                // previous run don't count as "busy".
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(HOST, port));
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
