package dev.inkstream.publish.deploy;

import dev.inkstream.publish.output.OutputObject;
import dev.inkstream.publish.output.OutputObject.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The difference between the live release and the outputs of the next one: upload what is new
 * or changed, leave what is identical, delete what is gone. Pure; the deployer applies it.
 *
 * @param uploads     in upload order: assets, pages, aggregates and feeds, then (after the
 *                    deletions) the release's own records
 * @param liveObjects how many objects the live release has
 * @param replaced    the live objects this plan overwrites or deletes, key to content hash: their
 *                    bytes are stored first, so the live release can still be restored
 * @param base        the live release's objects, the very map the plan was made against
 */
public record DeployPlan(List<OutputObject> uploads, List<String> unchanged, List<String> deletions,
                         Map<String, String> objects, int liveObjects, Map<String, String> replaced,
                         Map<String, String> base) {

    /** How many keys {@link #describe()} lists per group before it only counts. */
    static final int LISTED_PER_GROUP = 20;

    public static DeployPlan between(ReleaseManifest live, List<OutputObject> outputs) {
        return between(live, outputs, Set.of());
    }

    /**
     * As {@link #between(ReleaseManifest, List)}, trusting the live manifest for none of the
     * {@code unsettled} keys: an attempt that died before its manifest may have written or
     * deleted them (see {@link ReleaseStore#unsettled}). Each is uploaded if the release has it,
     * else deleted, whatever the live manifest says.
     */
    public static DeployPlan between(ReleaseManifest live, List<OutputObject> outputs, Set<String> unsettled) {
        return between(live, outputs, unsettled, null);
    }

    /**
     * What a deployer's last release was made of: the manifest it made live and the very
     * outputs it made it of, in their order. Keys are unique, so each output's hash is the one
     * the manifest has for its key.
     */
    public record Deployed(ReleaseManifest manifest, List<OutputObject> outputs) {

        /** Empty when {@code outputs} repeat a key (the manifest has the last of them only). */
        public static Optional<Deployed> of(ReleaseManifest manifest, List<OutputObject> outputs) {
            return manifest.objects().size() == outputs.size()
                    ? Optional.of(new Deployed(manifest, List.copyOf(outputs))) : Optional.empty();
        }
    }

    /**
     * As {@link #between(ReleaseManifest, List, Set)}, knowing what the {@code last} release was
     * made of. A site's outputs are mostly the very objects of its last release, in the same
     * order; while that release is still the live one (the same manifest, not one an operator's
     * rollback or another writer made live since), an output at the same place as one of them,
     * the same object, is unchanged without looking its key up in the manifest.
     */
    public static DeployPlan between(ReleaseManifest live, List<OutputObject> outputs, Set<String> unsettled,
                                     @Nullable Deployed last) {
        List<OutputObject> known = last != null && last.manifest() == live ? last.outputs() : List.of();
        List<OutputObject> uploads = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> objects = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            OutputObject output = outputs.get(i);
            objects.put(output.key(), output.sha256());
            boolean same = i < known.size() && known.get(i) == output
                    || output.sha256().equals(live.objects().get(output.key()));
            if (same && !unsettled.contains(output.key())) {
                unchanged.add(output.key());
            } else {
                uploads.add(output);
            }
        }
        // Nothing may link to an object that is not there yet: assets, then the pages that use
        // them, then the lists and feeds that link to the pages.
        uploads.sort(Comparator.comparingInt((OutputObject o) -> phase(o.role())).thenComparing(OutputObject::key));
        List<String> deletions = Stream.concat(live.objects().keySet().stream(), unsettled.stream())
                .filter(key -> !objects.containsKey(key)).distinct().sorted().toList();
        Map<String, String> replaced = new LinkedHashMap<>();
        for (OutputObject upload : uploads) {
            String before = live.objects().get(upload.key());
            if (before != null) {
                replaced.put(upload.key(), before);
            }
        }
        for (String key : deletions) {
            String before = live.objects().get(key);
            if (before != null) {
                replaced.put(key, before);
            }
        }
        return new DeployPlan(List.copyOf(uploads), List.copyOf(unchanged), deletions, objects, live.objects().size(),
                replaced, live.objects());
    }

    /** Upload phase of a role; a phase starts when the one before has finished. */
    public static int phase(Role role) {
        return switch (role) {
            case ASSET -> 0;
            case PAGE -> 1;
            case AGGREGATE, FEED -> 2;
            case MANIFEST -> 3;
        };
    }

    /** Uploads that go before the deletions, one list per phase, in order. */
    public List<List<OutputObject>> phasesBeforeDeletions() {
        List<List<OutputObject>> phases = new ArrayList<>();
        for (int phase = 0; phase < phase(Role.MANIFEST); phase++) {
            int p = phase;
            phases.add(uploads.stream().filter(o -> phase(o.role()) == p).toList());
        }
        return phases;
    }

    /** The release's own records, uploaded after the deletions, just before the manifest. */
    public List<OutputObject> recordsAfterDeletions() {
        return uploads.stream().filter(o -> phase(o.role()) == phase(Role.MANIFEST)).toList();
    }

    /** Share of the live objects this plan deletes (0 for a first release). */
    public double deleteShare() {
        return liveObjects == 0 ? 0 : (double) deletions.size() / liveObjects;
    }

    public boolean isEmpty() {
        return uploads.isEmpty() && deletions.isEmpty();
    }

    /** The plan as an operator reads it: counts, then keys by upload group, then deletions. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format("%d to upload, %d unchanged, %d to delete (of %d live objects)%n",
                uploads.size(), unchanged.size(), deletions.size(), liveObjects));
        group(s, "assets", uploads.stream().filter(o -> o.role() == Role.ASSET).map(OutputObject::key).toList(), "+");
        group(s, "pages", uploads.stream().filter(o -> o.role() == Role.PAGE).map(OutputObject::key).toList(), "+");
        group(s, "aggregates and feeds", uploads.stream().filter(o -> phase(o.role()) == 2).map(OutputObject::key).toList(), "+");
        group(s, "deletions", deletions, "-");
        group(s, "release records", recordsAfterDeletions().stream().map(OutputObject::key).toList(), "+");
        return s.toString().stripTrailing();
    }

    private static void group(StringBuilder s, String name, List<String> keys, String mark) {
        if (keys.isEmpty()) {
            return;
        }
        s.append(String.format("  %s (%d):%n", name, keys.size()));
        keys.stream().limit(LISTED_PER_GROUP).forEach(key -> s.append("    ").append(mark).append(' ').append(key).append('\n'));
        if (keys.size() > LISTED_PER_GROUP) {
            s.append(String.format("    … and %d more%n", keys.size() - LISTED_PER_GROUP));
        }
    }
}
