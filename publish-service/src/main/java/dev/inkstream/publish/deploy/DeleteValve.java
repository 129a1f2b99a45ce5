package dev.inkstream.publish.deploy;

import java.util.Locale;
import java.util.Optional;

/**
 * The safety valve of {@code hugo deploy --maxDeletes}, as a share: a release that would delete
 * more than {@code maxShare} of a site's live objects is held until an operator confirms it. A
 * wrong include glob or a broken checkout deletes a whole site in one push otherwise. Small sites
 * (ten objects or fewer) are exempt: deleting two of four pages is an ordinary edit.
 */
public record DeleteValve(double maxShare, boolean confirmed) {

    static final int EXEMPT_UP_TO = 10;

    /** Why the plan must wait for confirmation, or empty if it may deploy. */
    public Optional<String> check(DeployPlan plan) {
        if (confirmed || plan.liveObjects() <= EXEMPT_UP_TO || plan.deleteShare() <= maxShare) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "release would delete %d of %d live objects (%.0f%%, more"
                        + " than inkstream.publish.max-delete-share=%s); not deployed. If that is intended, confirm with"
                        + " `./inkstream publish --confirm-deletes`, or run publish once with"
                        + " inkstream.publish.confirm-deletes=true",
                plan.deletions().size(), plan.liveObjects(), plan.deleteShare() * 100, maxShare));
    }
}
