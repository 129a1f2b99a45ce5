package dev.inkstream.publish.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstream.publish.output.OutputObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackTest {

    private static final ReleaseManifest A = release("aaa111", 1, Map.of("a/index.html", "h1", "index.html", "i1"));
    private static final ReleaseManifest B = release("bbb222", 2, Map.of("a/index.html", "h2", "index.html", "i1", "b/index.html", "b1"));
    private static final ReleaseManifest C = release("bbb333", 3, Map.of("index.html", "i3"));
    private static final List<ReleaseManifest> RETAINED = List.of(C, B, A);

    @Test
    void withoutATargetTheReleaseBeforeTheLiveOne() {
        assertThat(Rollback.choose(RETAINED, C, null)).isEqualTo(B);
        // After a rollback to B, the live manifest is B's: the next rollback goes further back.
        assertThat(Rollback.choose(RETAINED, B.restoredFrom(C), null)).isEqualTo(A);
    }

    @Test
    void aTargetByIdOrUnambiguousPrefix() {
        assertThat(Rollback.choose(RETAINED, C, "aaa111")).isEqualTo(A);
        assertThat(Rollback.choose(RETAINED, C, "aa")).isEqualTo(A);
        assertThat(Rollback.choose(RETAINED, C, "bbb2")).isEqualTo(B);
    }

    @Test
    void refusesWhatCannotBeDoneAndSaysWhatIsRetained() {
        assertThatThrownBy(() -> Rollback.choose(RETAINED, C, "bbb")).hasMessage(
                "more than one release starts with bbb; retained: bbb333, bbb222, aaa111");
        assertThatThrownBy(() -> Rollback.choose(RETAINED, C, "zzz")).hasMessage(
                "no retained release is zzz; retained: bbb333, bbb222, aaa111");
        assertThatThrownBy(() -> Rollback.choose(RETAINED, A, null)).hasMessage(
                "no retained release is older than the live one, aaa111; retained: bbb333, bbb222, aaa111");
        assertThatThrownBy(() -> Rollback.choose(RETAINED, C, "bbb333")).hasMessage("release bbb333 is already live");
    }

    @Test
    void thePlanCopiesChangedObjectsFromTheirStoredBytesAndDeletesTheRest() {
        DeployPlan plan = Rollback.plan("site/", B, A);

        assertThat(plan.uploads()).extracting(OutputObject::key, OutputObject::copyFrom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a/index.html", "site/_inkstream/objects/h1"));
        assertThat(plan.unchanged()).containsExactly("index.html");
        assertThat(plan.deletions()).containsExactly("b/index.html");
    }

    @Test
    void theRestoredManifestNamesWhatWasRolledBackSoAReplayOfItIsHeld() {
        ReleaseManifest restored = A.restoredFrom(B.restoredFrom(C));

        assertThat(restored.commit()).isEqualTo("aaa111");
        assertThat(restored.objects()).isEqualTo(A.objects());
        assertThat(restored.rolledBack()).containsExactly("bbb333", "bbb222");
        assertThat(B.restoredFrom(restored).rolledBack()).as("rolling forward again un-rolls it")
                .containsExactly("bbb333", "aaa111");
    }

    private static ReleaseManifest release(String id, int day, Map<String, String> objects) {
        return new ReleaseManifest(1, "blog", id, id, objects, Instant.parse("2026-01-0" + day + "T00:00:00Z"), List.of());
    }
}
