package dev.inkstream.publish.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstream.publish.output.OutputObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void unsettledKeysAreUploadedOrDeletedWhateverTheLiveManifestSays() {
        OutputObject same = OutputObject.html("a/index.html", "<p>a</p>", CC);
        OutputObject untouched = OutputObject.html("b/index.html", "<p>b</p>", CC);
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of("a/index.html", same.sha256(),
                "b/index.html", untouched.sha256()));

        // A killed attempt had rewritten a/ and added orphan/, which this release does not have.
        DeployPlan plan = DeployPlan.between(live, List.of(same, untouched), Set.of("a/index.html", "orphan/index.html"));

        assertThat(plan.uploads()).extracting(OutputObject::key).containsExactly("a/index.html");
        assertThat(plan.unchanged()).containsExactly("b/index.html");
        assertThat(plan.deletions()).containsExactly("orphan/index.html");
        assertThat(plan.objects()).containsOnlyKeys("a/index.html", "b/index.html");
    }

    @Test
    void theLastReleasesOwnOutputsPlanAsWithoutKnowingThemWhileItIsLive() {
        OutputObject a = OutputObject.html("a/index.html", "<p>a</p>", CC);
        OutputObject b = OutputObject.html("b/index.html", "<p>b</p>", CC);
        OutputObject index = OutputObject.html("index.html", "<ul>a b</ul>", CC);
        List<OutputObject> first = List.of(a, b, index);
        ReleaseManifest live = releasedAs("c1", first);
        DeployPlan.Deployed last = DeployPlan.Deployed.of(live, first).orElseThrow();
        // The next release: b edited, c added in the middle (the index shifts), the index rewritten.
        OutputObject b2 = OutputObject.html("b/index.html", "<p>b, edited</p>", CC);
        OutputObject c = OutputObject.html("c/index.html", "<p>c</p>", CC);
        OutputObject index2 = OutputObject.html("index.html", "<ul>a b c</ul>", CC);
        List<OutputObject> next = List.of(a, b2, c, index2);

        assertThat(DeployPlan.between(live, next, Set.of(), last)).isEqualTo(DeployPlan.between(live, next));
        assertThat(DeployPlan.between(live, next, Set.of("a/index.html"), last))
                .as("an unsettled key is uploaded, known or not").isEqualTo(DeployPlan.between(live, next, Set.of("a/index.html")));
        assertThat(DeployPlan.between(live, next, Set.of("a/index.html"), last).uploads()).extracting(OutputObject::key)
                .contains("a/index.html");
    }

    @Test
    void theLastReleasesOutputsAreComparedAgainWhenAnotherReleaseWasMadeLiveSince() {
        OutputObject a = OutputObject.html("a/index.html", "<p>a, edited</p>", CC);
        OutputObject b = OutputObject.html("b/index.html", "<p>b</p>", CC);
        List<OutputObject> outputs = List.of(a, b);
        ReleaseManifest ours = releasedAs("c2", outputs);
        DeployPlan.Deployed last = DeployPlan.Deployed.of(ours, outputs).orElseThrow();
        // An operator rolled back to c1, which had a/ as it was before; a replay of c2 must put a/ back.
        var rolledBack = new ReleaseManifest(1, "blog", "c1", "c1", Map.of(
                "a/index.html", OutputObject.html("a/index.html", "<p>a</p>", CC).sha256(), "b/index.html", b.sha256()));

        DeployPlan plan = DeployPlan.between(rolledBack, outputs, Set.of(), last);

        assertThat(plan.uploads()).extracting(OutputObject::key).containsExactly("a/index.html");
        assertThat(plan.unchanged()).containsExactly("b/index.html");
        assertThat(DeployPlan.between(ours, outputs, Set.of(), last).uploads()).as("while ours is live").isEmpty();
    }

    @Test
    void outputsRepeatingAKeyAreNotKnownByPlace() {
        OutputObject first = OutputObject.html("a/index.html", "<p>first</p>", CC);
        OutputObject second = OutputObject.html("a/index.html", "<p>second</p>", CC);
        List<OutputObject> outputs = List.of(first, second);

        assertThat(DeployPlan.Deployed.of(releasedAs("c1", outputs), outputs)).as("the manifest has only the second").isEmpty();
    }

    /** The manifest of a first release of {@code outputs}. */
    private static ReleaseManifest releasedAs(String commit, List<OutputObject> outputs) {
        return new ReleaseManifest(1, "blog", commit, commit, DeployPlan.between(ReleaseManifest.empty("blog"), outputs).objects());
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

    @Test
    void uploadsGoAssetsThenPagesThenAggregatesAndFeedsAndTheReleaseRecordsAfterTheDeletions() {
        var outputs = List.of(
                OutputObject.html("index.html", "home", CC),
                OutputObject.of("_inkstream/diagnostics.json", "{}".getBytes(), "application/json", "no-cache"),
                OutputObject.of("feed.xml", "<feed/>".getBytes(), "application/atom+xml", CC),
                OutputObject.html("posts/a/index.html", "a", CC),
                OutputObject.copy("posts/cat.png", "_inkstream/blobs/b1", "b1", "image/png", CC),
                OutputObject.html("tags/go/index.html", "go", CC));
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of("old/index.html", "h"));

        DeployPlan plan = DeployPlan.between(live, outputs);

        assertThat(plan.phasesBeforeDeletions()).extracting(phase -> phase.stream().map(OutputObject::key).toList())
                .containsExactly(List.of("posts/cat.png"), List.of("posts/a/index.html"),
                        List.of("feed.xml", "index.html", "tags/go/index.html"));
        assertThat(plan.recordsAfterDeletions()).extracting(OutputObject::key).containsExactly("_inkstream/diagnostics.json");
        assertThat(plan.uploads()).extracting(OutputObject::key).containsExactly("posts/cat.png", "posts/a/index.html",
                "feed.xml", "index.html", "tags/go/index.html", "_inkstream/diagnostics.json");
    }

    @Test
    void describeListsEachGroupAndCountsPastTheLimit() {
        List<OutputObject> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < DeployPlan.LISTED_PER_GROUP + 5; i++) {
            outputs.add(OutputObject.html("p" + i + "/index.html", "x", CC));
        }
        outputs.add(OutputObject.html("kept/index.html", "k", CC));
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of("gone/index.html", "h",
                "kept/index.html", OutputObject.html("kept/index.html", "k", CC).sha256()));

        String description = DeployPlan.between(live, outputs).describe();

        assertThat(description).startsWith("25 to upload, 1 unchanged, 1 to delete (of 2 live objects)")
                .contains("  pages (25):", "    + p0/index.html", "    … and 5 more", "  deletions (1):",
                        "    - gone/index.html")
                .doesNotContain("assets (", "kept/index.html");
    }

    @Test
    void deleteShareIsOfTheLiveObjects() {
        var live = new ReleaseManifest(1, "blog", "c1", "c1", Map.of("a", "1", "b", "2", "c", "3", "d", "4"));

        DeployPlan plan = DeployPlan.between(live, List.of(OutputObject.html("a", "x", CC)));

        assertThat(plan.deleteShare()).isEqualTo(0.75);
        assertThat(DeployPlan.between(ReleaseManifest.empty("blog"), List.of()).deleteShare()).isZero();
    }
}
