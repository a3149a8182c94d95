package kmock.internal.k8s.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The printers of config maps, secrets, service accounts, namespaces, nodes and leases. */
final class CorePrinters {

    private CorePrinters() {}

    /** Adds the printers, keyed by {@code group/plural}. */
    static void register(Map<String, RowPrinter> printers) {
        printers.put(
                "/configmaps",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Data", "How many keys it holds, text and binary."),
                                Column.AGE),
                        (object, now) -> List.of(
                                object.name(),
                                (long) object.size("data") + object.size("binaryData"),
                                Formats.since(object.created(), now))));
        printers.put(
                "/secrets",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Type", "The secret's type."),
                                Column.text("Data", "How many keys it holds."),
                                Column.AGE),
                        (object, now) -> {
                            // The API server folds stringData into data before it stores a secret.
                            TreeSet<String> keys =
                                    new TreeSet<>(object.map("data").keySet());
                            keys.addAll(object.map("stringData").keySet());
                            return List.of(
                                    object.name(),
                                    Formats.orElse(object.text("type"), "Opaque"),
                                    (long) keys.size(),
                                    Formats.since(object.created(), now));
                        }));
        printers.put(
                "/serviceaccounts",
                RowPrinter.of(
                        List.of(Column.NAME, Column.text("Secrets", "How many secrets it references."), Column.AGE),
                        (object, now) -> List.of(
                                object.name(), (long) object.size("secrets"), Formats.since(object.created(), now))));
        printers.put(
                "/namespaces",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Status", "The namespace's phase: Active or Terminating."),
                                Column.AGE),
                        (object, now) ->
                                List.of(object.name(), namespacePhase(object), Formats.since(object.created(), now))));
        printers.put(
                "/nodes",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Status", "Whether the node is ready, and whether it takes new pods."),
                                Column.text("Roles", "The roles named by its node-role labels."),
                                Column.AGE,
                                Column.text("Version", "The kubelet's version."),
                                Column.text("Internal-IP", "The node's internal address.")
                                        .wide(),
                                Column.text("External-IP", "The node's external address.")
                                        .wide(),
                                Column.text("OS-Image", "The operating system image.")
                                        .wide(),
                                Column.text("Kernel-Version", "The kernel version.")
                                        .wide(),
                                Column.text("Container-Runtime", "The container runtime and its version.")
                                        .wide()),
                        (object, now) -> {
                            Fields info = object.at("status", "nodeInfo");
                            return List.of(
                                    object.name(),
                                    nodeStatus(object),
                                    nodeRoles(object),
                                    Formats.since(object.created(), now),
                                    info.text("kubeletVersion"),
                                    address(object, "InternalIP"),
                                    address(object, "ExternalIP"),
                                    Formats.orElse(info.text("osImage"), Formats.UNKNOWN),
                                    Formats.orElse(info.text("kernelVersion"), Formats.UNKNOWN),
                                    Formats.orElse(info.text("containerRuntimeVersion"), Formats.UNKNOWN));
                        }));
        printers.put(
                "coordination.k8s.io/leases",
                RowPrinter.of(
                        List.of(Column.NAME, Column.text("Holder", "Who holds the lease."), Column.AGE),
                        (object, now) -> List.of(
                                object.name(),
                                object.text("spec", "holderIdentity"),
                                Formats.since(object.created(), now))));
    }

    /** {@code status.phase}; the API server sets Active on create, so an object without one prints as Active. */
    private static String namespacePhase(Fields namespace) {
        String phase = namespace.text("status", "phase");
        if (!phase.isEmpty()) {
            return phase;
        }
        return namespace.present("metadata", "deletionTimestamp") ? "Terminating" : "Active";
    }

    private static String nodeStatus(Fields node) {
        List<String> status = new ArrayList<>();
        for (Fields condition : node.list("status", "conditions")) {
            if (condition.text("type").equals("Ready")) {
                status.clear(); // the last Ready condition wins, as in a map keyed by type
                status.add(condition.text("status").equals("True") ? "Ready" : "NotReady");
            }
        }
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (node.bool("spec", "unschedulable")) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    private static String nodeRoles(Fields node) {
        TreeSet<String> roles = new TreeSet<>();
        node.map("metadata", "labels").forEach((key, value) -> {
            if (key.startsWith("node-role.kubernetes.io/") && key.length() > "node-role.kubernetes.io/".length()) {
                roles.add(key.substring("node-role.kubernetes.io/".length()));
            } else if (key.equals("kubernetes.io/role")
                    && value != null
                    && !String.valueOf(value).isEmpty()) {
                roles.add(String.valueOf(value));
            }
        });
        return roles.isEmpty() ? Formats.NONE : String.join(",", roles);
    }

    private static String address(Fields node, String type) {
        for (Fields address : node.list("status", "addresses")) {
            if (address.text("type").equals(type)) {
                return address.text("address");
            }
        }
        return Formats.NONE;
    }
}
