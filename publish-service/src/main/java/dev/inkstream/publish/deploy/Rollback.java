package dev.inkstream.publish.deploy;

import dev.inkstream.publish.output.OutputObject;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Makes a retained release current again, exactly: every object it had, with the bytes and
 * headers it had, from the bytes stored by hash when it was published; every object it did not
 * have, deleted. It acts on the bucket directly, not through Kafka: a rollback is what an
 * operator reaches for when the pipeline produced something wrong, so it must not depend on
 * the pipeline, and the bucket's {@code current.json} is the one commit point anyway.
 *
 * <p>The next push publishes over the rollback, as any release does. Until then, a replay of
 * the rolled-back commit (publish restarting) is held: the restored manifest names it.
 */
public final class Rollback {

    private final BucketDeployer deployer;

    public Rollback(BucketDeployer deployer) {
        this.deployer = deployer;
    }

    /** What a rollback did. */
    public record Result(ReleaseManifest from, ReleaseManifest to, DeployPlan plan) {}

    /** An operator asked for a rollback that cannot be done as asked; the message says why. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /** Restores release {@code to} (an id or an unambiguous prefix of one), or else the one before the live one. */
    public Result rollback(String prefix, String repo, @Nullable String to, String manifestCacheControl) {
        ReleaseStore store = deployer.store();
        ReleaseManifest live = store.live(prefix, repo);
        if (live.releaseId().isEmpty()) {
            throw new RefusedException("nothing has been published" + (prefix.isEmpty() ? "" : " under " + prefix) + " yet");
        }
        ReleaseManifest target = choose(store.releases(prefix), live, to);
        DeployPlan plan = plan(prefix, live, target, store.unsettled(prefix));
        List<String> missing = plan.uploads().stream().map(OutputObject::copyFrom)
                .filter(key -> key != null && !store.exists(key)).toList();
        if (!missing.isEmpty()) {
            throw new RefusedException(String.format("release %s cannot be restored exactly: the bytes of %d of its objects"
                    + " were never stored (published before releases kept them), e.g. %s", target.releaseId(),
                    missing.size(), missing.getFirst()));
        }
        ReleaseManifest restored = deployer.restore(prefix, live, target, plan, manifestCacheControl);
        return new Result(live, restored, plan);
    }

    /** The release to restore, chosen among the retained {@code releases} (newest first). */
    static ReleaseManifest choose(List<ReleaseManifest> releases, ReleaseManifest live, @Nullable String to) {
        if (to == null) {
            return releases.stream().filter(r -> ReleaseManifest.newestFirst(live, r) < 0).findFirst()
                    .orElseThrow(() -> new RefusedException("no retained release is older than the live one, "
                            + live.releaseId() + "; retained: " + ids(releases)));
        }
        List<ReleaseManifest> matching = releases.stream().filter(r -> r.releaseId().equals(to)).toList();
        if (matching.isEmpty()) {
            matching = releases.stream().filter(r -> r.releaseId().startsWith(to)).toList();
        }
        if (matching.size() != 1) {
            throw new RefusedException((matching.isEmpty() ? "no retained release is " : "more than one release starts with ")
                    + to + "; retained: " + ids(releases));
        }
        ReleaseManifest target = matching.getFirst();
        if (target.releaseId().equals(live.releaseId()) && target.objects().equals(live.objects())) {
            throw new RefusedException("release " + target.releaseId() + " is already live");
        }
        return target;
    }

    /** From the live release to the target's objects, each copied from its stored bytes. */
    static DeployPlan plan(String prefix, ReleaseManifest live, ReleaseManifest target) {
        return plan(prefix, live, target, Set.of());
    }

    static DeployPlan plan(String prefix, ReleaseManifest live, ReleaseManifest target, Set<String> unsettled) {
        List<OutputObject> outputs = target.objects().entrySet().stream()
                .map(e -> new OutputObject(e.getKey(), new byte[0], prefix + ReleaseManifest.storedObjectKey(e.getValue()),
                        "", "", e.getValue()))
                .toList();
        return DeployPlan.between(live, outputs, unsettled);
    }

    private static String ids(List<ReleaseManifest> releases) {
        return releases.isEmpty() ? "none" : String.join(", ", releases.stream().map(ReleaseManifest::releaseId).toList());
    }
}
