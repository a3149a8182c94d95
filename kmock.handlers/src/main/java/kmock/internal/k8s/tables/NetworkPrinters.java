package kmock.internal.k8s.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The printers of services, endpoints, endpoint slices, ingresses, ingress classes and network policies. */
final class NetworkPrinters {

    private NetworkPrinters() {}

    /** Adds the printers, keyed by {@code group/plural}. */
    static void register(Map<String, RowPrinter> printers) {
        printers.put(
                "/services",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Type", "How the service is exposed."),
                                Column.text("Cluster-IP", "The service's address inside the cluster."),
                                Column.text("External-IP", "Addresses that reach the service from outside."),
                                Column.text("Port(s)", "The service's ports."),
                                Column.AGE,
                                Column.text("Selector", "The labels of the pods that back the service.")
                                        .wide()),
                        (object, now) -> {
                            Fields spec = object.at("spec");
                            List<Fields> clusterIPs = spec.list("clusterIPs");
                            String clusterIP = clusterIPs.isEmpty()
                                    ? spec.text("clusterIP")
                                    : clusterIPs.get(0).text();
                            return List.of(
                                    object.name(),
                                    type(spec),
                                    Formats.orElse(clusterIP, Formats.NONE),
                                    externalIP(object),
                                    Formats.orElse(ports(spec), Formats.NONE),
                                    Formats.since(object.created(), now),
                                    Formats.labels(spec.map("selector")));
                        }));
        printers.put(
                "/endpoints",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Endpoints", "Up to three of the endpoint addresses."),
                                Column.AGE),
                        (object, now) ->
                                List.of(object.name(), endpoints(object), Formats.since(object.created(), now))));
        printers.put(
                "discovery.k8s.io/endpointslices",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("AddressType", "The kind of the addresses: IPv4, IPv6 or FQDN."),
                                Column.text("Ports", "Up to three of the ports."),
                                Column.text("Endpoints", "Up to three of the endpoint addresses."),
                                Column.AGE),
                        (object, now) -> {
                            List<String> ports = new ArrayList<>();
                            for (Fields port : object.list("ports")) {
                                ports.add(
                                        port.present("port")
                                                ? port.text("port")
                                                : port.present("name") ? port.text("name") : "*");
                            }
                            List<String> addresses = new ArrayList<>();
                            object.list("endpoints").forEach(endpoint -> endpoint.list("addresses")
                                    .forEach(a -> addresses.add(a.text())));
                            return List.of(
                                    object.name(),
                                    object.text("addressType"),
                                    Formats.listWithMore(ports, "<unset>"),
                                    Formats.listWithMore(addresses, "<unset>"),
                                    Formats.since(object.created(), now));
                        }));
        printers.put(
                "networking.k8s.io/ingresses",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Class", "The ingress class that serves it."),
                                Column.text("Hosts", "The hosts its rules match."),
                                Column.text("Address", "The load balancer's addresses."),
                                Column.text("Ports", "The ports it listens on."),
                                Column.AGE),
                        (object, now) -> {
                            Fields spec = object.at("spec");
                            return List.of(
                                    object.name(),
                                    Formats.orElse(spec.text("ingressClassName"), Formats.NONE),
                                    hosts(spec.list("rules")),
                                    loadBalancer(object.list("status", "loadBalancer", "ingress")),
                                    spec.list("tls").isEmpty() ? "80" : "80, 443",
                                    Formats.since(object.created(), now));
                        }));
        printers.put(
                "networking.k8s.io/ingressclasses",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Controller", "The controller that implements the class."),
                                Column.text("Parameters", "The resource with the class's parameters."),
                                Column.AGE),
                        (object, now) -> {
                            Fields parameters = object.at("spec", "parameters");
                            String text = Formats.NONE;
                            if (parameters.present()) {
                                text = parameters.text("kind")
                                        + (parameters.present("apiGroup") ? "." + parameters.text("apiGroup") : "")
                                        + "/" + parameters.text("name");
                            }
                            return List.of(
                                    object.name(),
                                    object.text("spec", "controller"),
                                    text,
                                    Formats.since(object.created(), now));
                        }));
        printers.put(
                "networking.k8s.io/networkpolicies",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Pod-Selector", "The pods the policy applies to."),
                                Column.AGE),
                        (object, now) -> List.of(
                                object.name(),
                                Formats.labelSelector(object.at("spec", "podSelector")),
                                Formats.since(object.created(), now))));
    }

    /** {@code spec.type}, which the API server defaults to ClusterIP. */
    private static String type(Fields spec) {
        return Formats.orElse(spec.text("type"), "ClusterIP");
    }

    private static String externalIP(Fields service) {
        Fields spec = service.at("spec");
        List<String> external = new ArrayList<>();
        spec.list("externalIPs").forEach(ip -> external.add(ip.text()));
        return switch (type(spec)) {
            case "ClusterIP", "NodePort" -> external.isEmpty() ? Formats.NONE : String.join(",", external);
            case "LoadBalancer" -> {
                String balancer = loadBalancer(service.list("status", "loadBalancer", "ingress"));
                if (!external.isEmpty()) {
                    List<String> all = new ArrayList<>();
                    if (!balancer.isEmpty()) {
                        all.addAll(List.of(balancer.split(",")));
                    }
                    all.addAll(external);
                    yield String.join(",", all);
                }
                yield balancer.isEmpty() ? "<pending>" : balancer;
            }
            case "ExternalName" -> spec.text("externalName");
            default -> Formats.UNKNOWN;
        };
    }

    /** The sorted, distinct IPs (else host names) of load balancer ingress points; never shortened in server tables. */
    private static String loadBalancer(List<Fields> ingress) {
        TreeSet<String> addresses = new TreeSet<>();
        for (Fields point : ingress) {
            if (!point.text("ip").isEmpty()) {
                addresses.add(point.text("ip"));
            } else if (!point.text("hostname").isEmpty()) {
                addresses.add(point.text("hostname"));
            }
        }
        return String.join(",", addresses);
    }

    private static String ports(Fields spec) {
        List<String> pieces = new ArrayList<>();
        for (Fields port : spec.list("ports")) {
            String protocol = Formats.orElse(port.text("protocol"), "TCP");
            pieces.add(
                    port.number("nodePort") > 0
                            ? port.number("port") + ":" + port.number("nodePort") + "/" + protocol
                            : port.number("port") + "/" + protocol);
        }
        return String.join(",", pieces);
    }

    /** Up to three {@code ip:port} pairs (bare IPs for subsets without ports), with a count of the rest. */
    private static String endpoints(Fields object) {
        List<Fields> subsets = object.list("subsets");
        if (subsets.isEmpty()) {
            return Formats.NONE;
        }
        List<String> shown = new ArrayList<>();
        int count = 0;
        boolean more = false;
        for (Fields subset : subsets) {
            List<Fields> addresses = subset.list("addresses");
            List<Fields> ports = subset.list("ports");
            if (ports.isEmpty()) {
                count += addresses.size();
                for (Fields address : addresses) {
                    if (shown.size() == 3) {
                        more = true;
                        break;
                    }
                    shown.add(address.text("ip"));
                }
                continue;
            }
            for (Fields port : ports) {
                count += addresses.size();
                for (Fields address : addresses) {
                    if (shown.size() == 3) {
                        more = true;
                        break;
                    }
                    String ip = address.text("ip");
                    shown.add((ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port.number("port"));
                }
            }
        }
        String text = String.join(",", shown);
        return more ? text + " + " + (count - 3) + " more..." : text;
    }

    /** Up to three hosts of the rules, {@code *} when none names a host. */
    private static String hosts(List<Fields> rules) {
        List<String> hosts = new ArrayList<>();
        boolean more = false;
        for (Fields rule : rules) {
            if (hosts.size() == 3) {
                more = true;
            }
            if (!more && !rule.text("host").isEmpty()) {
                hosts.add(rule.text("host"));
            }
        }
        if (hosts.isEmpty()) {
            return "*";
        }
        return more ? String.join(",", hosts) + " + " + (rules.size() - 3) + " more..." : String.join(",", hosts);
    }
}
