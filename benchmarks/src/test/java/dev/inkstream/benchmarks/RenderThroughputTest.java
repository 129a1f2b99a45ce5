package dev.inkstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.events.SourceDocument;
import dev.inkstream.render.document.DocumentRenderer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderThroughputTest {

    @TempDir
    Path corpus;

    @Test
    void everyGeneratedPageIsRenderedWithoutErrorsOnOneThreadAndOnMany() throws Exception {
        CorpusGenerator.generate(corpus, 12, 7);
        List<SourceDocument> sources = RenderThroughput.sources(corpus);

        assertThat(sources).extracting(SourceDocument::path).contains("README.md", "about.md")
                .noneMatch(path -> path.startsWith(".git"));
        var renderer = new DocumentRenderer();
        for (int threads : new int[] {1, 3}) {
            RenderThroughput.Round round = RenderThroughput.round(renderer, sources, threads);
            assertThat(round.pages()).isEqualTo(sources.size());
            assertThat(round.withErrors()).isZero();
            assertThat(round.bytes()).isPositive();
        }
    }

    @Test
    void argumentsHaveDefaultsAndAreChecked() {
        var defaults = RenderThroughput.Arguments.parse(new String[0]);
        assertThat(defaults.pages()).isEqualTo(1000);
        assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(RenderThroughput.Arguments.parse(new String[] {"--pages", "50", "--threads", "2"}).threads()).isEqualTo(2);
        assertThatThrownBy(() -> RenderThroughput.Arguments.parse(new String[] {"--rounds", "0"}))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RenderThroughput.Arguments.parse(new String[] {"--fast"}))
                .hasMessageContaining("needs a value");
    }
}
