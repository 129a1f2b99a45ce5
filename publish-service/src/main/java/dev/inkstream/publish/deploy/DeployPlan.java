package dev.inkstream.publish.deploy;

import dev.inkstream.publish.output.OutputObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between the live release and the outputs of the next one: upload what is new
 * or changed, leave what is identical, delete what is gone. Pure; the deployer applies it.
 */
public record DeployPlan(List<OutputObject> uploads, List<String> unchanged, List<String> deletions,
                         Map<String, String> objects) {

    public static DeployPlan between(ReleaseManifest live, List<OutputObject> outputs) {
        List<OutputObject> uploads = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> objects = new LinkedHashMap<>();
        for (OutputObject output : outputs) {
            objects.put(output.key(), output.sha256());
            if (output.sha256().equals(live.objects().get(output.key()))) {
                unchanged.add(output.key());
            } else {
                uploads.add(output);
            }
        }
        // Assets, then pages, then indexes: nothing links to an object that is not there yet.
        uploads.sort(Comparator.comparing((OutputObject o) -> o.copyFrom() == null)
                .thenComparing(DeployPlan::isIndex).thenComparing(OutputObject::key));
        List<String> deletions = live.objects().keySet().stream().filter(key -> !objects.containsKey(key)).sorted().toList();
        return new DeployPlan(List.copyOf(uploads), List.copyOf(unchanged), deletions, objects);
    }

    private static boolean isIndex(OutputObject output) {
        return output.key().equals("index.html") || output.key().equals("404.html");
    }
}
