package dev.inkstream.render.translation;

import dev.inkstream.render.RenderSettings;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TranslationTopology} inside the render service, exactly once, from start to
 * stop of the Spring context; {@code inkstream.render.translations.enabled=false} leaves it out.
 */
@Component
@ConditionalOnBooleanProperty(name = "inkstream.render.translations.enabled", matchIfMissing = true)
public class TranslationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TranslationStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Properties config = new Properties();
    private volatile KafkaStreams streams;

    public TranslationStreams(KafkaProperties kafka, RenderSettings settings) {
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.translations().applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.translations().stateDirectory().toString());
        // Topics are created on a single-broker runtime too; the broker's default replication applies.
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // Findings reach authors through a dashboard refresh after the push's own release, so a
        // second of delay costs nothing. Under exactly-once every commit is a transaction: at
        // the default 100 ms a first push of a large site turns into thousands of them.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.translations().commitInterval().toMillis());
    }

    @Override
    public void start() {
        streams = new KafkaStreams(TranslationTopology.build(), config);
        streams.setUncaughtExceptionHandler(e -> {
            // A broker away or slow is passing: a new thread resumes from the committed state.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.apache.kafka.common.errors.RetriableException) {
                    log.warn("translation checks restarting a stream thread after: {}", e.toString());
                    return StreamThreadExceptionResponse.REPLACE_THREAD;
                }
            }
            // Anything else is deterministic (the same record would fail again): replacing the
            // thread would loop on it, so stop the checks loudly and let rendering go on.
            log.error("translation checks stopped: {}", e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        log.info("translation checks running (application {}, state in {})",
                config.get(StreamsConfig.APPLICATION_ID_CONFIG), config.get(StreamsConfig.STATE_DIR_CONFIG));
    }

    @Override
    public void stop() {
        if (streams != null) {
            // Leave the group: a restarted instance (the next `inkstream publish` on the same data)
            // would otherwise wait out the old member's session before it gets its tasks, and a
            // close during that rebalance does not finish.
            boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            log.info("translation checks stopped{}", closed ? "" : " (not within " + CLOSE_TIMEOUT + ")");
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }
}
