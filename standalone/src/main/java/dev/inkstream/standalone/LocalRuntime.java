package dev.inkstream.standalone;

import dev.inkstream.ingest.IngestApplication;
import dev.inkstream.publish.PublishApplication;
import dev.inkstream.render.RenderApplication;
import dev.inkstream.standalone.infra.DataDirectory;
import dev.inkstream.standalone.infra.EdgeServer;
import dev.inkstream.standalone.infra.EmbeddedKafkaBroker;
import dev.inkstream.standalone.infra.EmbeddedS3Server;
import dev.inkstream.standalone.infra.S3Clients;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import dev.inkstream.support.s3.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import java.util.Collections;

/**
 * Everything of Inkstream on one machine: an embedded KRaft broker, an embedded S3 API server
 * backed by a directory, the three services wired to them exactly as they would be to a Kafka
 * cluster and S3, and optionally the edge server. Given an {@link External} broker and store
 * (containers, for the Testcontainers tests) it wires the services to those instead. Wiring
 * only: no pipeline logic lives here.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final String BUCKET = "inkstream";

    /**
     * @param edgePort   port of the edge server; negative for none
     * @param ingestPort port of the ingest service's webhook; 0 for any free port
     * @param publishSettings more {@code inkstream.publish.*} properties (dry run, confirmed deletes)
     */
    public record Options(Path dataDir, List<RepositorySpec> repositories, int edgePort, int ingestPort, String siteTitle,
                          Map<String, String> publishSettings, @Nullable External external) {

        public Options(Path dataDir, List<RepositorySpec> repositories, int edgePort, int ingestPort, String siteTitle,
                       Map<String, String> publishSettings) {
            this(dataDir, repositories, edgePort, ingestPort, siteTitle, publishSettings, null);
        }

        public Options(Path dataDir, List<RepositorySpec> repositories, int edgePort, int ingestPort, String siteTitle) {
            this(dataDir, repositories, edgePort, ingestPort, siteTitle, Map.of());
        }
    }

    /**
     * A Kafka cluster and an S3-compatible store that run elsewhere (containers, a cluster), used
     * instead of the embedded broker and store; the bucket {@link #BUCKET} is created if missing.
     */
    public record External(String bootstrapServers, URI s3Endpoint, String s3Region, String s3AccessKey, String s3SecretKey) {

        S3Settings s3Settings() {
            return new S3Settings(s3Endpoint, s3Region, BUCKET, s3AccessKey, s3SecretKey, true);
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path dataDir;
    private @Nullable EmbeddedKafkaBroker broker;
    private @Nullable External external;
    private S3Client s3;
    private @Nullable EdgeServer edge;
    private URI webhook;
    private Webhooks webhooks;
    private String secret;
    private List<RepositorySpec> repositories;
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceProperties = new LinkedHashMap<>();

    private LocalRuntime(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static LocalRuntime start(Options options) throws Exception {
        LocalRuntime runtime = new LocalRuntime(DataDirectory.prepare(options.dataDir()));
        try {
            runtime.startAll(options);
            return runtime;
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
    }

    private void startAll(Options options) throws Exception {
        Files.createDirectories(dataDir);
        secret = loadOrCreateSecret();
        S3Settings store;
        external = options.external();
        if (external == null) {
            broker = remember(EmbeddedKafkaBroker.start(dataDir.resolve("kafka")));
            EmbeddedS3Server s3Server = remember(EmbeddedS3Server.start(dataDir.resolve("s3"), 0));
            s3Server.ensureBucket(BUCKET);
            store = S3Clients.settings(s3Server, BUCKET);
        } else {
            store = external.s3Settings();
        }
        s3 = remember(dev.inkstream.support.s3.S3Clients.create(store));
        if (external != null) {
            ensureBucket(s3);
        }

        Map<String, String> common = new LinkedHashMap<>();
        common.put("spring.kafka.bootstrap-servers", bootstrapServers());
        common.put("inkstream.s3.endpoint", store.endpoint().toString());
        common.put("inkstream.s3.region", store.region());
        common.put("inkstream.s3.bucket", BUCKET);
        common.put("inkstream.s3.access-key", store.accessKey());
        common.put("inkstream.s3.secret-key", store.secretKey());
        // The runtime closes the services itself, before the broker and the store they use.
        common.put("spring.main.register-shutdown-hook", "false");
        // Nor may Spring Boot stop Logback in a shutdown hook of its own: it would run alongside
        // ours, and what the services log while they finish their work would be lost.
        common.put("logging.register-shutdown-hook", "false");
        common.put("logging.level.root", "WARN");
        common.put("logging.level.dev.inkstream", "INFO");
        common.put("spring.main.log-startup-info", "false");
        // Logback is shared by the three services in this JVM, so the first one's name would label
        // every line; the logger names tell the services apart instead.
        common.put("logging.include-application-name", "false");

        Map<String, String> ingest = new LinkedHashMap<>(common);
        ingest.put("server.port", String.valueOf(options.ingestPort()));
        ingest.put("inkstream.ingest.data-dir", dataDir.resolve("ingest").toString());
        // The webhook URL is known only once ingest listens, and the demo's hook needs it; the
        // repositories are therefore configured before, the demo one by its fixed id.
        List<RepositorySpec> repos = new ArrayList<>(options.repositories());
        boolean demo = repos.isEmpty();
        if (demo) {
            repos.add(new RepositorySpec(DemoRepository.ID, dataDir.resolve("demo/site.git").toString(), "main"));
        }
        Map<String, String> publish = new LinkedHashMap<>(common);
        publish.put("server.port", "0");
        publish.put("inkstream.publish.site-title", options.siteTitle());
        publish.putAll(options.publishSettings());
        for (int i = 0; i < repos.size(); i++) {
            RepositorySpec repo = repos.get(i);
            String key = "inkstream.ingest.repositories." + repo.id();
            ingest.put(key + ".url", repo.url());
            ingest.put(key + ".branch", repo.branch());
            ingest.put(key + ".secrets[0]", secret);
            if (i > 0) {
                // One site per repository: the first at the bucket root, the others under their id.
                publish.put("inkstream.publish.site-prefixes." + repo.id(), repo.id() + "/");
            }
        }
        Map<String, String> render = new LinkedHashMap<>(common);
        render.put("server.port", "0");
        render.put("inkstream.render.translations.state-dir", dataDir.resolve("render-translations").toString());

        startService("ingest", ingest);
        startService("render", render);
        startService("publish", publish);
        webhook = URI.create("http://127.0.0.1:" + port("ingest") + "/hooks/plain");
        webhooks = new Webhooks(webhook, secret);
        if (demo) {
            repos.set(0, DemoRepository.ensure(dataDir, webhook, secret));
        }
        repositories = List.copyOf(repos);
        if (options.edgePort() >= 0) {
            edge = remember(EdgeServer.start(options.edgePort(), s3, BUCKET, ""));
            edge.serveJson(PipelineStatus.PATH, new PipelineStatus(this)::json);
        }
    }

    private void startService(String name, Map<String, String> properties) {
        SpringApplicationBuilder application = switch (name) {
            case "ingest" -> IngestApplication.application();
            case "render" -> RenderApplication.application();
            case "publish" -> PublishApplication.application();
            default -> throw new IllegalArgumentException("no service " + name);
        };
        serviceProperties.put(name, new LinkedHashMap<>(properties));
        services.put(name, run(application, properties));
    }

    /**
     * Stops one service, as an operator's restart or a crashed pod would: its consumers leave the
     * group and whatever it had not committed stays uncommitted. For fault-injection tests;
     * {@link #start(String)} brings it back.
     */
    public void stop(String service) {
        int port = port(service);
        services.remove(service).close();
        serviceProperties.get(service).put("server.port", String.valueOf(port));
    }

    /**
     * Starts a stopped service again on the same configuration and port: its producer's
     * transactional id is the same, which fences whatever transaction it left open.
     */
    public void start(String service) {
        if (services.containsKey(service)) {
            throw new IllegalStateException(service + " is running");
        }
        startService(service, serviceProperties.get(service));
    }

    /**
     * Stops the broker and starts it again on the same data and ports while the services keep
     * running, as a broker restart in a cluster looks to its clients. For fault-injection tests.
     */
    public void restartBroker() {
        if (broker == null) {
            throw new IllegalStateException("the broker is external; restart it where it runs");
        }
        int index = started.indexOf(broker);
        broker.close();
        broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"));
        started.set(index, broker);
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder application, Map<String, String> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return application.run(args);
    }

    /** Announces every repository's current branch head to ingest, as a push webhook. */
    public void announceAll() throws IOException, InterruptedException {
        for (RepositorySpec repo : repositories) {
            String head = repo.head();
            if (head != null) {
                int status = announce(repo, head);
                if (status != 202) {
                    throw new IllegalStateException("ingest answered " + status + " to the push of " + repo.id());
                }
            }
        }
    }

    /** Tells ingest that {@code repo}'s branch is at {@code head}; returns the webhook's HTTP status. */
    public int announce(RepositorySpec repo, String head) throws IOException, InterruptedException {
        return webhooks.announce(repo, head);
    }

    /**
     * The Spring properties {@code service} runs (or, stopped, would run again) with: what another
     * process needs to run the same service against this runtime's broker and store.
     */
    public Map<String, String> serviceProperties(String service) {
        return Map.copyOf(serviceProperties.get(service));
    }

    public int port(String service) {
        return ((WebServerApplicationContext) services.get(service)).getWebServer().getPort();
    }

    public URI webhookUri() {
        return webhook;
    }

    public String webhookSecret() {
        return secret;
    }

    public @Nullable URI edgeUri() {
        return edge == null ? null : edge.baseUri();
    }

    public String bootstrapServers() {
        return broker != null ? broker.bootstrapServers() : external.bootstrapServers();
    }

    public S3Client s3() {
        return s3;
    }

    public List<RepositorySpec> repositories() {
        return repositories;
    }

    public Path dataDir() {
        return dataDir;
    }

    private static void ensureBucket(S3Client s3) {
        try {
            s3.headBucket(b -> b.bucket(BUCKET));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    /** The secret the webhooks are signed with; made once per data dir, readable by its owner only. */
    private String loadOrCreateSecret() throws IOException {
        Path file = dataDir.resolve("webhook-secret");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String generated = HexFormat.of().formatHex(bytes);
        Files.writeString(file, generated, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return generated;
    }

    private <T extends AutoCloseable> T remember(T closeable) {
        started.add(closeable);
        return closeable;
    }

    /** Stops the edge and the services first, then the store and the broker they used. */
    @Override
    public void close() {
        if (edge != null) {
            closeQuietly(edge);
            started.remove(edge);
        }
        List<String> names = new ArrayList<>(services.keySet());
        Collections.reverse(names);
        for (String name : names) {
            closeQuietly(services.get(name));
        }
        services.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            closeQuietly(started.get(i));
        }
        started.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("inkstream: while stopping: " + e);
        }
    }
}
