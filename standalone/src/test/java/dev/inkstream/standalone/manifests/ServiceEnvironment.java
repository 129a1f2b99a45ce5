package dev.inkstream.standalone.manifests;

import dev.inkstream.ingest.IngestSettings;
import dev.inkstream.publish.PublishSettings;
import dev.inkstream.render.RenderSettings;
import dev.inkstream.support.ServiceDefaults;
import dev.inkstream.support.s3.S3Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Whether the environment variables a deployment file gives a service are settings that service
 * reads: each is bound the way Spring Boot binds the real environment (relaxed binding,
 * {@code INKSTREAM_S3_ENDPOINT} to {@code inkstream.s3.endpoint}) onto the service's own
 * {@code @ConfigurationProperties} records, so a misspelt or misplaced variable (one no setting
 * consumes), one that does not convert (a size, a boolean) or one the settings' own checks
 * refuse is reported.
 */
final class ServiceEnvironment {

    /** Read by the JVM or a library, not by Spring; each with the reason it is set. */
    private static final Map<String, String> NOT_SPRING = Map.of(
            "JAVA_TOOL_OPTIONS", "JVM options",
            "XDG_CONFIG_HOME", "JGit keeps its user config there");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /** The settings records of {@code service} (ingest, render, publish). */
    static List<Class<?>> settingsOf(String service) {
        Class<?> own = switch (service) {
            case "ingest" -> IngestSettings.class;
            case "render" -> RenderSettings.class;
            case "publish" -> PublishSettings.class;
            default -> throw new IllegalArgumentException("no service " + service);
        };
        return List.of(S3Settings.class, own);
    }

    /** What is wrong with giving {@code service} these variables; empty when nothing is. */
    static List<String> problems(String service, Map<String, String> variables) {
        List<String> problems = new ArrayList<>();
        Set<String> placeholders = placeholdersReadBy(service);
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.copyOf(variables));
        ConfigurationPropertySource properties = ConfigurationPropertySources.from(source).iterator().next();
        Binder binder = new Binder(properties);
        Set<String> consumed = new LinkedHashSet<>();
        BindHandler recordConsumed = new AbstractBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler()) {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
                consumed(context);
                return super.onSuccess(name, target, context, result);
            }

            @Override
            public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
                    throws Exception {
                consumed(context);
                return super.onFailure(name, target, context, error);
            }

            /** The origin names the variable itself, in whichever form relaxed binding matched it. */
            private void consumed(BindContext context) {
                if (context.getConfigurationProperty() != null
                        && context.getConfigurationProperty().getOrigin() instanceof PropertySourceOrigin origin) {
                    consumed.add(origin.getPropertyName());
                }
            }
        };
        for (Class<?> type : settingsOf(service)) {
            try {
                binder.bind(prefixOf(type), Bindable.of(type), recordConsumed);
            } catch (BindException e) {
                problems.add(describe(e));
            }
        }
        try {
            binder.bind("server.port", Bindable.of(Integer.class), recordConsumed);
        } catch (BindException e) {
            problems.add(describe(e));
        }
        for (String variable : variables.keySet()) {
            if (!consumed.contains(variable) && !placeholders.contains(variable) && !NOT_SPRING.containsKey(variable)) {
                problems.add(variable + " is not a setting of " + service + " (its settings: server.port, "
                        + String.join(", ", settingsOf(service).stream().map(t -> prefixOf(t) + ".*").toList()) + ")");
            }
        }
        return problems;
    }

    /** Environment variables the services' defaults read through placeholders ({@code ${KAFKA_BOOTSTRAP_SERVERS:…}}). */
    static Set<String> placeholdersReadBy(String service) {
        Set<String> names = new LinkedHashSet<>();
        for (Object value : ServiceDefaults.forService(service, true).values()) {
            Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String prefixOf(Class<?> type) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    private static String describe(BindException e) {
        Throwable cause = e.getCause();
        StringBuilder reason = new StringBuilder(e.getMessage());
        for (Throwable t = cause; t != null; t = t.getCause()) {
            reason.append(": ").append(t.getMessage());
        }
        return reason.toString();
    }

    private ServiceEnvironment() {}
}
