package kmock.internal.k8s.controllers.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Templates;
import kmock.internal.k8s.controllers.Tree;

/**
 * What the Job controller reads of and writes into its pods: the tracking finalizer, completion indexes of
 * {@code Indexed} Jobs (the annotation, label, hostname and {@code JOB_COMPLETION_INDEX}), and the compressed
 * {@code completedIndexes} notation ({@code 0-2,5}).
 */
final class JobPods {

    static final String TRACKING = "batch.kubernetes.io/job-tracking";
    static final String INDEX = "batch.kubernetes.io/job-completion-index";

    private JobPods() {}

    /** A new pod of a Job, with the tracking finalizer and, for an index, its completion index. */
    static Map<String, Object> pod(Map<String, Object> job, Map<String, Object> ref, Integer index) {
        String name = Tree.name(job);
        Map<String, Object> pod = Templates.pod(
                Tree.map(Tree.at(job, "spec", "template")),
                ref,
                Templates.prefix(index == null ? name : name + "-" + index),
                null);
        Map<String, Object> meta = Tree.child(pod, "metadata");
        Map<String, Object> labels = Tree.child(meta, "labels");
        labels.putIfAbsent("batch.kubernetes.io/controller-uid", Tree.uid(job));
        labels.putIfAbsent("batch.kubernetes.io/job-name", name);
        labels.putIfAbsent("controller-uid", Tree.uid(job));
        labels.putIfAbsent("job-name", name);
        Tree.childList(meta, "finalizers").add(TRACKING);
        if (index != null) {
            Tree.child(meta, "annotations").put(INDEX, Integer.toString(index));
            labels.put(INDEX, Integer.toString(index));
            Map<String, Object> spec = Tree.child(pod, "spec");
            spec.putIfAbsent("hostname", name + "-" + index);
            for (Object container : Tree.childList(spec, "containers")) {
                Tree.childList(Tree.map(container), "env")
                        .add(Tree.object(
                                "name",
                                "JOB_COMPLETION_INDEX",
                                "valueFrom",
                                Tree.object(
                                        "fieldRef",
                                        Tree.object(
                                                "apiVersion",
                                                "v1",
                                                "fieldPath",
                                                "metadata.annotations['" + INDEX + "']"))));
            }
        }
        return pod;
    }

    /** A pod's completion index, or -1. */
    static int index(Map<String, Object> pod) {
        try {
            String value = Tree.annotations(pod).get(INDEX);
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the Job still tracks a pod (it carries the finalizer). */
    static boolean tracked(Map<String, Object> pod) {
        return Tree.finalizers(pod).contains(TRACKING);
    }

    /** The indexes of succeeded pods, with those a status already lists. */
    static TreeSet<Integer> succeededIndexes(String completed, List<Map<String, Object>> pods, long completions) {
        TreeSet<Integer> indexes = parse(completed);
        for (Map<String, Object> pod : pods) {
            int index = index(pod);
            if ("Succeeded".equals(Pods.phase(pod)) && index >= 0 && index < completions) {
                indexes.add(index);
            }
        }
        return indexes;
    }

    /** {@code 0-2,5}: runs of consecutive indexes. */
    static String format(TreeSet<Integer> indexes) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer last = null;
        for (int index : indexes) {
            if (last != null && index == last + 1) {
                last = index;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(last) ? start.toString() : start + "-" + last);
            }
            start = index;
            last = index;
        }
        if (start != null) {
            parts.add(start.equals(last) ? start.toString() : start + "-" + last);
        }
        return String.join(",", parts);
    }

    private static TreeSet<Integer> parse(String completed) {
        TreeSet<Integer> indexes = new TreeSet<>();
        if (completed == null || completed.isBlank()) {
            return indexes;
        }
        for (String part : completed.split(",")) {
            String[] range = part.trim().split("-");
            try {
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                for (int i = from; i <= to; i++) {
                    indexes.add(i);
                }
            } catch (NumberFormatException e) {
                // an unreadable part counts nothing
            }
        }
        return indexes;
    }
}
