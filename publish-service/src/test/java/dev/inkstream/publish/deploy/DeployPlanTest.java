package dev.inkstream.publish.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.publish.output.OutputObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployPlanTest {

    private static final String CC = "public, max-age=60";

    @Test
    void uploadsOnlyWhatChangedPagesBeforeIndexesAndDeletesWhatIsGone() {
        OutputObject same = OutputObject.html("a/index.html", "<p>a</p>", CC);
        OutputObject changed = OutputObject.html("b/index.html", "<p>b2</p>", CC);
        OutputObject added = OutputObject.html("c/index.html", "<p>c</p>", CC);
        OutputObject index = OutputObject.html("index.html", "<ul>…</ul>", CC);
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of(
                "a/index.html", same.sha256(),
                "b/index.html", OutputObject.html("b/index.html", "<p>b1</p>", CC).sha256(),
                "gone/index.html", "deadbeef",
                "index.html", "old"));

        DeployPlan plan = DeployPlan.between(live, List.of(index, same, changed, added));

        assertThat(plan.uploads()).extracting(OutputObject::key).containsExactly("b/index.html", "c/index.html", "index.html");
        assertThat(plan.unchanged()).containsExactly("a/index.html");
        assertThat(plan.deletions()).containsExactly("gone/index.html");
        assertThat(plan.objects()).containsOnlyKeys("a/index.html", "b/index.html", "c/index.html", "index.html");
    }

    @Test
    void aChangedCacheControlIsAChange() {
        OutputObject before = OutputObject.html("a/index.html", "<p>a</p>", CC);
        OutputObject after = OutputObject.html("a/index.html", "<p>a</p>", "no-cache");
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of("a/index.html", before.sha256()));

        assertThat(DeployPlan.between(live, List.of(after)).uploads()).hasSize(1);
    }

    @Test
    void firstReleaseUploadsEverything() {
        var outputs = List.of(OutputObject.html("index.html", "x", CC));

        assertThat(DeployPlan.between(ReleaseManifest.empty("blog"), outputs).uploads()).hasSize(1);
    }
}
