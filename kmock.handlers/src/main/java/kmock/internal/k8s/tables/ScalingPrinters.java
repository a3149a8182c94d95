package kmock.internal.k8s.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The printers of horizontal pod autoscalers (both API versions), pod disruption budgets and priority classes. */
final class ScalingPrinters {

    private ScalingPrinters() {}

    /** Adds the printers, keyed by {@code group/plural}. */
    static void register(Map<String, RowPrinter> printers) {
        printers.put(
                "autoscaling/horizontalpodautoscalers",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Reference", "The scaled object, as Kind/name."),
                                Column.text("Targets", "Current and target values of up to two metrics."),
                                Column.text("MinPods", "The fewest replicas."),
                                Column.text("MaxPods", "The most replicas."),
                                Column.text("Replicas", "The replicas now."),
                                Column.AGE),
                        (object, now) -> {
                            Fields spec = object.at("spec");
                            Long min = spec.optionalNumber("minReplicas");
                            return List.of(
                                    object.name(),
                                    spec.text("scaleTargetRef", "kind") + "/" + spec.text("scaleTargetRef", "name"),
                                    metrics(object),
                                    min == null ? "<unset>" : Long.toString(min),
                                    spec.number("maxReplicas"),
                                    object.number("status", "currentReplicas"),
                                    Formats.since(object.created(), now));
                        }));
        printers.put(
                "policy/poddisruptionbudgets",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Min Available", "The pods that must stay available."),
                                Column.text("Max Unavailable", "The pods that may be unavailable."),
                                Column.integer("Allowed Disruptions", "The pods that may be disrupted now."),
                                Column.AGE),
                        (object, now) -> List.of(
                                object.name(),
                                Formats.orElse(object.text("spec", "minAvailable"), "N/A"),
                                Formats.orElse(object.text("spec", "maxUnavailable"), "N/A"),
                                object.number("status", "disruptionsAllowed"),
                                Formats.since(object.created(), now))));
        printers.put(
                "scheduling.k8s.io/priorityclasses",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.integer("Value", "The priority of pods of this class."),
                                Column.bool("Global-Default", "Whether pods without a class get this one."),
                                Column.AGE,
                                Column.text("PreemptionPolicy", "Whether its pods may preempt others.")
                                        .wide()),
                        (object, now) -> List.of(
                                object.name(),
                                object.number("value"),
                                object.bool("globalDefault"),
                                Formats.since(object.created(), now),
                                object.text("preemptionPolicy"))));
    }

    /** Up to two metrics as {@code current/target}, read from autoscaling/v2 or, for v1, its CPU target. */
    private static String metrics(Fields hpa) {
        List<String> shown = new ArrayList<>();
        if (hpa.present("spec", "targetCPUUtilizationPercentage")
                || hpa.text("apiVersion").equals("autoscaling/v1")) {
            if (!hpa.present("spec", "targetCPUUtilizationPercentage")) {
                return Formats.NONE;
            }
            Long current = hpa.optionalNumber("status", "currentCPUUtilizationPercentage");
            return "cpu: " + (current == null ? Formats.UNKNOWN : current + "%") + "/"
                    + hpa.number("spec", "targetCPUUtilizationPercentage") + "%";
        }
        List<Fields> specs = hpa.list("spec", "metrics");
        if (specs.isEmpty()) {
            return Formats.NONE;
        }
        List<Fields> statuses = hpa.list("status", "currentMetrics");
        for (int i = 0; i < specs.size(); i++) {
            Fields status = i < statuses.size() ? statuses.get(i) : new Fields(null);
            shown.add(metric(specs.get(i), status));
        }
        String text = String.join(", ", shown.subList(0, Math.min(2, shown.size())));
        return shown.size() > 2 ? text + " + " + (shown.size() - 2) + " more..." : text;
    }

    private static String metric(Fields spec, Fields status) {
        return switch (spec.text("type")) {
            case "External" -> valueOrAverage(spec.at("external", "target"), status.at("external", "current"));
            case "Object" -> valueOrAverage(spec.at("object", "target"), status.at("object", "current"));
            case "Pods" ->
                Formats.orElse(status.text("pods", "current", "averageValue"), Formats.UNKNOWN) + "/"
                        + spec.text("pods", "target", "averageValue");
            case "Resource" -> resource(spec.at("resource"), status.at("resource"));
            case "ContainerResource" -> resource(spec.at("containerResource"), status.at("containerResource"));
            default -> "<unknown type>";
        };
    }

    private static String valueOrAverage(Fields target, Fields current) {
        if (target.present("averageValue")) {
            return Formats.orElse(current.text("averageValue"), Formats.UNKNOWN) + "/" + target.text("averageValue")
                    + " (avg)";
        }
        return Formats.orElse(current.text("value"), Formats.UNKNOWN) + "/" + target.text("value");
    }

    private static String resource(Fields spec, Fields status) {
        Fields target = spec.at("target");
        if (target.present("averageValue")) {
            return spec.text("name") + ": " + Formats.orElse(status.text("current", "averageValue"), Formats.UNKNOWN)
                    + "/" + target.text("averageValue");
        }
        Long current = status.optionalNumber("current", "averageUtilization");
        Long wanted = target.optionalNumber("averageUtilization");
        return spec.text("name") + ": " + (current == null ? Formats.UNKNOWN : current + "%") + "/"
                + (wanted == null ? "<auto>" : wanted + "%");
    }
}
