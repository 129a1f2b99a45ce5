package dev.inkstream.render;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator sets for render ({@code inkstream.render.*}).
 *
 * @param timeBudget   a document still rendering after this long is published degraded (escaped text)
 * @param maxNesting   deeper block quotes, lists or brackets than this are published degraded, unparsed
 * @param maxTextSize  longer Markdown than this is published degraded, unparsed
 * @param workerStack  stack size of the render threads; flexmark recurses once per nesting level
 * @param fixMojibake  replace text that looks like UTF-8 misread as Windows-1252/Mac Roman by its repair
 */
@ConfigurationProperties("inkstream.render")
public record RenderSettings(
        @DefaultValue("10s") Duration timeBudget,
        @DefaultValue("256") int maxNesting,
        @DefaultValue("2MB") DataSize maxTextSize,
        @DefaultValue("16MB") DataSize workerStack,
        @DefaultValue("false") boolean fixMojibake) {

    public static final RenderSettings DEFAULTS =
            new RenderSettings(Duration.ofSeconds(10), 256, DataSize.ofMegabytes(2), DataSize.ofMegabytes(16), false);

    public RenderSettings withFixMojibake(boolean fix) {
        return new RenderSettings(timeBudget, maxNesting, maxTextSize, workerStack, fix);
    }

    public RenderSettings withTimeBudget(Duration budget) {
        return new RenderSettings(budget, maxNesting, maxTextSize, workerStack, fixMojibake);
    }
}
