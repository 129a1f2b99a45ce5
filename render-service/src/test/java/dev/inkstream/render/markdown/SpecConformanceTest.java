package dev.inkstream.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CommonMark spec, the GFM spec and cmark's regression examples, run through our flexmark
 * configuration (before sanitising, which the specs do not know about; heading ids off, which
 * they do not expect). Prints the pass rate of each and fails if it drops below what it was
 * when last raised here: a configuration change that breaks conformance shows up at once.
 */
class SpecConformanceTest {

    static Stream<Arguments> specs() {
        // Measured 2026-11-23 with flexmark 0.64.8: 603/652, 606/672, 7/15.
        return Stream.of(
                Arguments.of("spec.txt", 0.92),
                Arguments.of("gfm-spec.txt", 0.90),
                Arguments.of("cmark-regression.txt", 0.46));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void passRateDoesNotDrop(String spec, double floor) {
        URL resource = SpecConformanceTest.class.getResource("/" + spec);
        List<Example> examples = ExampleReader.readExamples(resource);
        MutableDataSet options = MarkdownRenderer.options().set(HtmlRenderer.RENDER_HEADER_ID, false)
                .set(HtmlRenderer.GENERATE_HEADER_ID, false);
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();

        long passed = examples.stream()
                .filter(e -> renderer.render(parser.parse(e.getSource())).equals(e.getHtml()))
                .count();
        double rate = (double) passed / examples.size();

        System.out.printf("%s: %d of %d examples pass (%.1f%%)%n", spec, passed, examples.size(), rate * 100);
        assertThat(examples).isNotEmpty();
        assertThat(rate).isGreaterThanOrEqualTo(floor);
    }
}
