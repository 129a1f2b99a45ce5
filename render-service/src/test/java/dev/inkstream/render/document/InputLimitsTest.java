package dev.inkstream.render.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputLimitsTest {

    @Test
    void ordinaryNestingPasses() {
        String markdown = "> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n[link [with] brackets](x.md)\n"
                + "        deeply indented code\n";
        assertThat(InputLimits.exceeded(markdown, 10_000, 8)).isEmpty();
    }

    @Test
    void blockQuotesListsAndIndentationCountAsNesting() {
        assertThat(InputLimits.exceeded("ok\n" + "> ".repeat(9) + "x", 10_000, 8)).hasValueSatisfying(e -> {
            assertThat(e.why()).isEqualTo("line 2 nests block quotes or lists 9 levels deep; the limit is 8");
            assertThat(e.line()).isEqualTo(2);
        });
        assertThat(InputLimits.exceeded("- - - - - 1. 2) + * x", 10_000, 8)).isPresent();
        assertThat(InputLimits.exceeded(" ".repeat(18) + "* x", 10_000, 8)).isPresent();
        assertThat(InputLimits.exceeded(">>>>>>>>>x", 10_000, 8)).isPresent();
    }

    @Test
    void bracketsCountAcrossLinesButEscapedOnesDoNot() {
        assertThat(InputLimits.exceeded("a\n" + "[".repeat(5) + "\n" + "[".repeat(4), 10_000, 8)).hasValueSatisfying(e -> {
            assertThat(e.why()).isEqualTo("square brackets nest 9 levels deep (deepest on line 3); the limit is 8");
            assertThat(e.line()).isEqualTo(3);
        });
        assertThat(InputLimits.exceeded("\\[".repeat(20), 10_000, 8)).isEmpty();
        assertThat(InputLimits.exceeded("[]".repeat(20), 10_000, 8)).isEmpty();
    }

    @Test
    void tooLongIsRefusedBeforeAnythingElse() {
        assertThat(InputLimits.exceeded("x".repeat(101), 100, 8)).hasValueSatisfying(e -> {
            assertThat(e.why()).isEqualTo("the text is 101 characters long; the limit is 100");
            assertThat(e.line()).isNull();
        });
    }
}
