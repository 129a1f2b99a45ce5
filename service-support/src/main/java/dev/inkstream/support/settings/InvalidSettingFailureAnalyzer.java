package dev.inkstream.support.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns a refused setting, however deep in Spring's binding exceptions it is wrapped, into the
 * start-up report: the one line naming the property, and where to change it.
 */
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> implements Ordered {

    /** Before Spring Boot's own analyzer of binding failures, which would report the wrapper instead. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Change " + cause.key() + " (environment variable " + cause.environmentVariable()
                        + ") in the service's configuration.", cause);
    }
}
