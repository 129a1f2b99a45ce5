package dev.inkstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.benchmarks.FrontMatter.TagStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class FrontMatterTest {

    private static final String BODY = "\nSome text.\n\n---\n\nA thematic break that is not front matter.\n";

    @ParameterizedTest
    @EnumSource(TagStyle.class)
    void replacingTagsKeepsTheirStyleAndEverythingElse(TagStyle style) {
        String document = FrontMatter.render("Title", "2025-03-25", List.of("kafka", "go"), style, "A description.") + BODY;

        String retagged = FrontMatter.replaceTags(document, List.of("C++", "distributed systems"));

        assertThat(retagged).isEqualTo(FrontMatter.render(
                "Title", "2025-03-25", List.of("C++", "distributed systems"), style, "A description.") + BODY);
    }

    @Test
    void titlesThatWouldMisreadAsPlainYamlAreQuoted() {
        Load yaml = new Load(LoadSettings.builder().build());
        for (String title : List.of("Kafka: the hard parts", "\"Cold starts\" considered harmful", "What I've learned",
                "- not a list", "C# #tips", "再谈 Kafka：实战指南")) {
            String frontMatter = FrontMatter.render(title, "2025-03-25 20:44:17", List.of("a, b"), TagStyle.FLOW_LIST, null);
            Map<?, ?> parsed = (Map<?, ?>) yaml.loadFromString(frontMatter.substring(4, frontMatter.length() - 4));
            assertThat(parsed.get("title")).as(frontMatter).isEqualTo(title);
            assertThat(parsed.get("tags")).as(frontMatter).isEqualTo(List.of("a, b"));
        }
    }

    @Test
    void aCommaSeparatedStringCannotHoldATagWithAComma() {
        String document = FrontMatter.render("Title", "2025-03-25", List.of("kafka"), TagStyle.COMMA_SEPARATED, null);
        assertThatThrownBy(() -> FrontMatter.replaceTags(document, List.of("a, b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
