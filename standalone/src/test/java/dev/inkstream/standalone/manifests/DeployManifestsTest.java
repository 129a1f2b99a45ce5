package dev.inkstream.standalone.manifests;

import static dev.inkstream.standalone.manifests.YamlFiles.DEPLOY;
import static dev.inkstream.standalone.manifests.YamlFiles.at;
import static dev.inkstream.standalone.manifests.YamlFiles.list;
import static dev.inkstream.standalone.manifests.YamlFiles.map;
import static dev.inkstream.standalone.manifests.YamlFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.inkstream.events.Topics;
import dev.inkstream.support.ServiceDefaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * What can be checked of deploy/ without Docker or a cluster: every YAML file parses; the
 * variables compose and the Kubernetes manifests give each service are settings of that service
 * (bound as Spring Boot binds the environment); the topics compose creates and the Strimzi
 * KafkaTopics declare are the contract's; secrets are referenced, never written into the files;
 * the services run as a non-root user with health checks on Actuator and are given longer to stop
 * than they take to finish their work; KEDA watches render's own
 * consumer group. With {@code kubectl} or {@code kustomize} on the PATH the overlay is also
 * rendered and the rendered manifests checked the same way.
 */
class DeployManifestsTest {

    private static final Path COMPOSE = DEPLOY.resolve("compose/compose.yaml");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final List<String> SERVICES = List.of("ingest", "render", "publish");
    /** A variable holding a credential: its value must come from a secret, never from the file. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|PASSWORD|ACCESS_KEY).*");
    /** How long a service may take per shutdown phase to finish its work; deployments must wait longer. */
    private static final Duration SHUTDOWN_PHASE = DurationStyle.detectAndParse(
            String.valueOf(ServiceDefaults.forService("render", true).get("spring.lifecycle.timeout-per-shutdown-phase")));
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+]([^}]*))?}");

    @Test
    void everyYamlFileParses() {
        List<Path> files = YamlFiles.under(DEPLOY);
        assertThat(files).as("YAML files under " + DEPLOY).hasSizeGreaterThan(5);
        for (Path file : files) {
            assertThat(YamlFiles.documents(file)).as(file + " has documents").isNotEmpty();
        }
    }

    // --- compose ---------------------------------------------------------------------------------

    @Test
    void composeGivesEachServiceOnlyItsOwnSettings() {
        Map<String, Map<String, Object>> services = composeServices();
        for (String service : SERVICES) {
            Map<String, String> env = composeEnvironment(services.get(service));
            assertThat(env).as("compose service " + service + " environment").isNotEmpty();
            assertThat(ServiceEnvironment.problems(service, sampleValues(env))).as("compose service " + service).isEmpty();
        }
    }

    @Test
    void composeTakesCredentialsFromTheEnvironmentFileNeverFromItself() {
        List<String> inlined = new ArrayList<>();
        composeServices().forEach((name, service) -> composeEnvironment(service).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches() && !INTERPOLATION.matcher(value).matches()) {
                inlined.add(name + ": " + variable);
            }
        }));
        assertThat(inlined).as("credentials written into compose.yaml").isEmpty();
    }

    @Test
    void everyVariableComposeRequiresIsInTheExampleEnvironmentFile() throws IOException {
        Matcher required = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?").matcher(Files.readString(COMPOSE));
        List<String> names = new ArrayList<>();
        while (required.find()) {
            names.add(required.group(1));
        }
        List<String> example = Files.readAllLines(DEPLOY.resolve("compose/.env.example")).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#")).map(line -> line.substring(0, line.indexOf('=')))
                .toList();
        assertThat(names).as("variables compose.yaml requires").isNotEmpty();
        assertThat(example).as("compose/.env.example, which the README says to copy to .env").containsAll(names);
    }

    @Test
    void composeServicesUseTheImageAsBuiltAndAreHealthCheckedOnActuator() {
        Map<String, Map<String, Object>> services = composeServices();
        for (String service : SERVICES) {
            Map<String, Object> spec = services.get(service);
            assertThat(spec.get("user")).as(service + " must not override the image's non-root user").isNull();
            assertThat(text(spec, "build.dockerfile")).as(service + " is built from").isEqualTo("deploy/Dockerfile");
            assertThat(text(spec, "build.args.SERVICE")).isEqualTo(service + "-service");
            assertThat(String.valueOf(at(spec, "healthcheck.test"))).as(service + " healthcheck")
                    .contains("/actuator/health/readiness");
            assertThat(DurationStyle.detectAndParse(text(spec, "stop_grace_period"))).as(service + " stop_grace_period")
                    .isGreaterThan(SHUTDOWN_PHASE);
        }
    }

    @Test
    void composeCreatesExactlyTheContractsTopics() throws IOException {
        Map<String, TopicDeclaration> declared = new TreeMap<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("compose/kafka/topics.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            Map<String, String> configs = new LinkedHashMap<>();
            for (String config : fields[2].split(",")) {
                configs.put(config.substring(0, config.indexOf('=')), config.substring(config.indexOf('=') + 1));
            }
            declared.put(fields[0], new TopicDeclaration(Integer.parseInt(fields[1]), configs));
        }
        assertThat(topicProblems(declared)).as("compose/kafka/topics.txt against Topics.ALL").isEmpty();
        assertThat(String.valueOf(at(composeServices().get("kafka-topics"), "volumes"))).contains("topics.txt");
    }

    // --- Kubernetes --------------------------------------------------------------------------------

    @Test
    void strimziTopicsAreExactlyTheContractsTopics() {
        Map<String, TopicDeclaration> declared = new TreeMap<>();
        for (Map<String, Object> doc : k8sSources()) {
            if ("KafkaTopic".equals(doc.get("kind"))) {
                Map<String, String> configs = new LinkedHashMap<>();
                map(at(doc, "spec.config")).forEach((k, v) -> configs.put(k, String.valueOf(v)));
                declared.put(text(doc, "spec.topicName"), new TopicDeclaration((Integer) at(doc, "spec.partitions"), configs));
            }
        }
        assertThat(topicProblems(declared)).as("Strimzi KafkaTopics against Topics.ALL").isEmpty();
    }

    @Test
    void kubernetesGivesEachServiceOnlyItsOwnSettings() {
        checkWorkloads(sourceManifests());
    }

    @Test
    void theRenderedOverlayPassesTheSameChecks() throws Exception {
        Optional<List<String>> kustomize = Stream.of(List.of("kustomize", "build"), List.of("kubectl", "kustomize"))
                .filter(command -> onPath(command.getFirst())).findFirst();
        assumeThat(kustomize).as("skipped because neither kustomize nor kubectl is on the PATH").isPresent();
        for (Path overlay : overlays()) {
            List<String> command = new ArrayList<>(kustomize.get());
            command.add(overlay.toString());
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
            List<Map<String, Object>> docs = YamlFiles.documentsOf(rendered);
            assertThat(docs).extracting(d -> d.get("kind")).as("kinds rendered from " + overlay)
                    .contains("StatefulSet", "Deployment", "ConfigMap", "KafkaTopic", "ScaledObject", "PodDisruptionBudget");
            assertThat(docs).as("no Secret is rendered from the files").noneMatch(d -> "Secret".equals(d.get("kind")));
            checkWorkloads(docs);
        }
    }

    @Test
    void noSecretIsWrittenIntoTheManifests() {
        List<String> inlined = new ArrayList<>();
        for (Map<String, Object> doc : k8sSources()) {
            if ("Secret".equals(doc.get("kind"))) {
                inlined.add("Secret " + text(doc, "metadata.name"));
            }
        }
        sourceManifests().stream().filter(d -> "ConfigMap".equals(d.get("kind"))).forEach(configMap ->
                map(configMap.get("data")).keySet().stream().filter(k -> SECRET_NAME.matcher(k).matches())
                        .forEach(k -> inlined.add("ConfigMap " + text(configMap, "metadata.name") + ": " + k)));
        for (Path kustomization : kustomizations()) {
            for (Map<String, Object> doc : YamlFiles.documents(kustomization)) {
                assertThat(doc.get("secretGenerator")).as(kustomization + " generates secrets from files in git").isNull();
            }
        }
        assertThat(inlined).isEmpty();
    }

    @Test
    void kedaScalesRenderOnRendersOwnGroupAndTopic() {
        Map<String, Object> scaledObject = k8sSources().stream().filter(d -> "ScaledObject".equals(d.get("kind")))
                .findFirst().orElseThrow();
        Map<String, Object> trigger = map(list(at(scaledObject, "spec.triggers")).getFirst());
        assertThat(text(scaledObject, "spec.scaleTargetRef.name")).isEqualTo("render");
        assertThat(text(trigger, "metadata.consumerGroup"))
                .isEqualTo(ServiceDefaults.forService("render", true).get("spring.kafka.consumer.group-id"));
        assertThat(text(trigger, "metadata.topic")).isEqualTo(Topics.SOURCE);
        assertThat((Integer) at(scaledObject, "spec.maxReplicaCount")).as("more replicas than partitions sit idle")
                .isLessThanOrEqualTo(Topics.spec(Topics.SOURCE).partitions());
    }

    // --- the image ---------------------------------------------------------------------------------

    @Test
    void theImageRunsAsANonRootUserWithAnActuatorHealthCheck() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertThat(last).as("the image's last USER").isNotNull().matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*/actuator/health/readiness");
        assertThat(ServiceDefaults.forService("ingest", true)).as("the probe paths exist")
                .containsEntry("management.endpoint.health.probes.enabled", "true");
    }

    // --- checks ------------------------------------------------------------------------------------

    /** Each service container: its settings, secrets by reference, non-root, Actuator probes. */
    private static void checkWorkloads(List<Map<String, Object>> docs) {
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        docs.stream().filter(d -> "ConfigMap".equals(d.get("kind"))).forEach(d -> {
            Map<String, String> data = new LinkedHashMap<>();
            map(d.get("data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
            configMaps.put(text(d, "metadata.name"), data);
        });
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            if (!List.of("Deployment", "StatefulSet").contains(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = map(at(doc, "spec.template.spec"));
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                String service = serviceOfImage(text(container, "image"));
                String where = doc.get("kind") + " " + text(doc, "metadata.name") + ", container " + container.get("name");
                seen.add(service);
                Map<String, String> env = new LinkedHashMap<>();
                for (Object from : list(container.get("envFrom"))) {
                    String name = text(map(from), "configMapRef.name");
                    assertThat(configMaps).as(where + ": envFrom ConfigMap").containsKey(name);
                    env.putAll(configMaps.get(name));
                }
                for (Object e : list(container.get("env"))) {
                    Map<String, Object> entry = map(e);
                    String name = text(entry, "name");
                    boolean fromSecret = at(entry, "valueFrom.secretKeyRef.name") != null;
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(fromSecret).as(where + ": " + name + " must come from a secretKeyRef").isTrue();
                    }
                    env.put(name, entry.containsKey("value") ? String.valueOf(entry.get("value")) : "from-" + name.toLowerCase());
                }
                assertThat(ServiceEnvironment.problems(service, env)).as(where).isEmpty();

                assertThat(Duration.ofSeconds((Integer) pod.get("terminationGracePeriodSeconds")))
                        .as(where + ": terminationGracePeriodSeconds").isGreaterThan(SHUTDOWN_PHASE);
                assertThat(at(pod, "securityContext.runAsNonRoot")).as(where + ": runAsNonRoot").isEqualTo(true);
                assertThat((Integer) at(pod, "securityContext.runAsUser")).as(where + ": runAsUser").isPositive();
                assertThat(at(container, "securityContext.allowPrivilegeEscalation")).as(where).isEqualTo(false);
                List<String> ports = list(container.get("ports")).stream().map(p -> text(map(p), "name")).toList();
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(text(container, probe + ".httpGet.path")).as(where + ": " + probe)
                            .startsWith("/actuator/health/");
                    assertThat(text(container, probe + ".httpGet.port")).as(where + ": " + probe + " port").isIn(ports);
                }
                assertThat(text(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
                assertThat(text(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            }
        }
        assertThat(seen).as("service containers").containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    private record TopicDeclaration(int partitions, Map<String, String> configs) {}

    private static List<String> topicProblems(Map<String, TopicDeclaration> declared) {
        List<String> problems = new ArrayList<>();
        Map<String, Topics.Spec> expected = new TreeMap<>();
        for (Topics.Spec spec : Topics.ALL) {
            expected.put(spec.name(), spec);
            expected.put(spec.name() + Topics.DEAD_LETTER_SUFFIX, new Topics.Spec(spec.name() + Topics.DEAD_LETTER_SUFFIX, 1, false));
        }
        if (!declared.keySet().equals(expected.keySet())) {
            problems.add("topics " + declared.keySet() + ", the contract's " + expected.keySet());
        }
        expected.forEach((name, spec) -> {
            TopicDeclaration topic = declared.get(name);
            if (topic == null) {
                return;
            }
            if (topic.partitions() != spec.partitions()) {
                problems.add(name + " has " + topic.partitions() + " partitions, the contract " + spec.partitions());
            }
            String policy = spec.compacted() ? "compact" : "delete";
            if (!policy.equals(topic.configs().get("cleanup.policy"))) {
                problems.add(name + " has cleanup.policy " + topic.configs().get("cleanup.policy") + ", the contract " + policy);
            }
        });
        return problems;
    }

    // --- reading the files ---------------------------------------------------------------------------

    private static Map<String, Map<String, Object>> composeServices() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(YamlFiles.documents(COMPOSE).getFirst().get("services")).forEach((k, v) -> services.put(k, map(v)));
        return services;
    }

    /** A compose service's environment, in either of Compose's two forms (mapping or KEY=VALUE list). */
    private static Map<String, String> composeEnvironment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        } else {
            map(environment).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        return env;
    }

    /** Compose interpolations replaced by their default, else a stand-in, as the container would see a value. */
    private static Map<String, String> sampleValues(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            Matcher m = INTERPOLATION.matcher(v);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                boolean hasDefault = m.group(0).contains(":-") || m.group(0).matches("\\$\\{[^:]*-.*");
                m.appendReplacement(out, Matcher.quoteReplacement(hasDefault ? m.group(2) : "from-" + m.group(1).toLowerCase()));
            }
            m.appendTail(out);
            values.put(k, out.toString());
        });
        return values;
    }

    private static List<Path> kustomizations() {
        return YamlFiles.under(K8S).stream().filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
    }

    private static List<Path> overlays() {
        return kustomizations().stream().map(Path::getParent).filter(p -> p.getParent().getFileName().toString().equals("overlays"))
                .toList();
    }

    /** Every document of every manifest under k8s/, kustomization files aside. */
    private static List<Map<String, Object>> k8sSources() {
        return YamlFiles.under(K8S).stream().filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                .flatMap(p -> YamlFiles.documents(p).stream()).toList();
    }

    /**
     * Without kustomize: the base's workloads with each overlay's patches merged into their
     * containers' {@code env} (by variable name, as a strategic merge does), and the ConfigMaps the
     * kustomization files generate, merged base first.
     */
    private static List<Map<String, Object>> sourceManifests() {
        List<Map<String, Object>> docs = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>(kustomizations());
        files.sort((a, b) -> Boolean.compare(a.toString().contains("/overlays/"), b.toString().contains("/overlays/")));
        for (Path kustomization : files) {
            Map<String, Object> k = YamlFiles.documents(kustomization).getFirst();
            for (Object generator : list(k.get("configMapGenerator"))) {
                String name = text(map(generator), "name");
                Map<String, Object> configMap = configMaps.computeIfAbsent(name, n -> {
                    Map<String, Object> doc = new LinkedHashMap<>(Map.of("kind", "ConfigMap", "metadata", Map.of("name", n)));
                    doc.put("data", new LinkedHashMap<String, Object>());
                    docs.add(doc);
                    return doc;
                });
                for (Object literal : list(map(generator).get("literals"))) {
                    String s = String.valueOf(literal);
                    map(configMap.get("data")).put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
                }
            }
            List<Path> manifests = new ArrayList<>();
            list(k.get("resources")).forEach(r -> manifests.add(kustomization.resolveSibling(String.valueOf(r))));
            list(k.get("patches")).forEach(p -> manifests.add(kustomization.resolveSibling(text(map(p), "path"))));
            for (Path manifest : manifests) {
                if (Files.isDirectory(manifest)) {
                    continue;
                }
                for (Map<String, Object> doc : YamlFiles.documents(manifest)) {
                    String workload = doc.get("kind") + "/" + text(doc, "metadata.name");
                    for (Object c : list(at(doc, "spec.template.spec.containers"))) {
                        Map<String, Object> container = map(c);
                        Map<String, Object> base = containers.get(workload + "/" + container.get("name"));
                        if (base == null) {
                            containers.put(workload + "/" + container.get("name"), container);
                            continue;
                        }
                        Map<String, Object> env = new LinkedHashMap<>();
                        for (Object e : list(base.get("env"))) {
                            env.put(text(map(e), "name"), e);
                        }
                        for (Object e : list(container.get("env"))) {
                            env.put(text(map(e), "name"), e);
                        }
                        base.put("env", new ArrayList<>(env.values()));
                    }
                    if (containers.keySet().stream().anyMatch(key -> key.startsWith(workload + "/")) && isNewWorkload(docs, doc)) {
                        docs.add(doc);
                    }
                }
            }
        }
        return docs;
    }

    private static boolean isNewWorkload(List<Map<String, Object>> docs, Map<String, Object> doc) {
        return List.of("Deployment", "StatefulSet").contains(doc.get("kind")) && at(doc, "spec.selector") != null
                && docs.stream().noneMatch(d -> d.get("kind").equals(doc.get("kind"))
                && text(d, "metadata.name").equals(text(doc, "metadata.name")));
    }

    private static String serviceOfImage(String image) {
        Matcher m = Pattern.compile("inkstream/(ingest|render|publish)-service(:.*)?$").matcher(String.valueOf(image));
        assertThat(m.find()).as("image " + image + " is one of the three services").isTrue();
        return m.group(1);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
