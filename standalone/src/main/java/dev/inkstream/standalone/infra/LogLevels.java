package dev.inkstream.standalone.infra;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * Turns down the chatter of the embedded third-party servers.
 *
 * <p>Done programmatically rather than with a {@code logback.xml} in this module because such a
 * file would replace Spring Boot's own default logback setup for every application that has
 * this module on its classpath. Only loggers nobody has configured are touched, so an explicit
 * level (for instance {@code logging.level.kafka=DEBUG} applied before the embedded server starts)
 * still wins. If SLF4J is bound to something other than logback this does nothing.
 *
 * <p>Spring Boot re-initialises logback when an application starts, which drops these levels;
 * a Boot application in the same JVM should therefore repeat them in its own logging properties.
 */
final class LogLevels {

    private LogLevels() {
    }

    /** Sets {@code level} on each named logger that has no level of its own yet. */
    static void setIfUnset(Level level, String... loggerNames) {
        for (String name : loggerNames) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
                    && logger.getLevel() == null) {
                logger.setLevel(level);
            }
        }
    }
}
