package dev.inkstream.publish.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.publish.output.OutputObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeleteValveTest {

    private final DeleteValve valve = new DeleteValve(0.5, false);

    @Test
    void holdsAReleaseDeletingMoreThanTheShareAndSaysHowToConfirm() {
        DeployPlan plan = keeping(5, liveSite(12));

        assertThat(valve.check(plan)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("would delete 7 of 12 live objects (58%", "max-delete-share=0.5",
                        "./inkstream publish --confirm-deletes", "inkstream.publish.confirm-deletes=true"));
    }

    @Test
    void letsThroughUpToTheShareAConfirmedReleaseAndSmallSites() {
        assertThat(valve.check(keeping(6, liveSite(12)))).as("exactly half").isEmpty();
        assertThat(new DeleteValve(0.5, true).check(keeping(0, liveSite(12)))).as("confirmed").isEmpty();
        assertThat(valve.check(keeping(0, liveSite(10)))).as("ten objects or fewer").isEmpty();
        assertThat(valve.check(keeping(0, ReleaseManifest.empty("blog")))).as("first release").isEmpty();
    }

    private static ReleaseManifest liveSite(int objects) {
        Map<String, String> keys = new HashMap<>();
        IntStream.range(0, objects).forEach(i -> keys.put("p" + i + "/index.html", page(i).sha256()));
        return new ReleaseManifest(1, "blog", "c1", "c1", keys);
    }

    private static DeployPlan keeping(int pages, ReleaseManifest live) {
        List<OutputObject> outputs = IntStream.range(0, pages).mapToObj(DeleteValveTest::page).toList();
        return DeployPlan.between(live, outputs);
    }

    private static OutputObject page(int i) {
        return OutputObject.html("p" + i + "/index.html", "page " + i, "c");
    }
}
