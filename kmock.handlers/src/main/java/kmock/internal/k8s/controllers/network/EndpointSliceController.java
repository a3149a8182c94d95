package kmock.internal.k8s.controllers.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The EndpointSlice controller: for each Service with a selector one IPv4 EndpointSlice ({@code <service>-xxxxx},
 * owned by the Service, labelled with {@code kubernetes.io/service-name}) listing the selected pods with an address,
 * each with its {@code ready}, {@code serving} and {@code terminating} conditions, node and pod reference, and the
 * Service's ports resolved on the pods. A Service without endpoints keeps an empty slice, as in a cluster.
 */
public final class EndpointSliceController extends Controller {

    static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
    static final String CONTROLLER = "endpointslice-controller.k8s.io";
    static final String SERVICE_NAME = "kubernetes.io/service-name";

    private final ServiceIndex services = new ServiceIndex();

    /** The EndpointSlice controller of a cluster. */
    public EndpointSliceController(ClusterClient cluster) {
        super("endpointslice", Kinds.SERVICES, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.SERVICES)) {
            services.observe(event);
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(key);
            }
        } else if (key.resource().equals(Kinds.PODS)) {
            services.selecting(event).forEach(name -> keys.add(key.namespace(), name));
        } else if (key.resource().equals(Kinds.ENDPOINT_SLICES)) {
            String service = Tree.labels(event.object()).get(SERVICE_NAME);
            if (service != null && CONTROLLER.equals(Tree.labels(event.object()).get(MANAGED_BY))) {
                keys.add(key.namespace(), service);
            }
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> service = cluster.get(key);
        if (service == null || Tree.map(Tree.at(service, "spec", "selector")).isEmpty() || Tree.deleting(service)) {
            return;
        }
        List<Map<String, Object>> pods = ServiceEndpoints.pods(cluster, service);
        List<Object> endpoints = new ArrayList<>();
        for (Map<String, Object> pod : pods) {
            boolean ready = ServiceEndpoints.ready(service, pod);
            Map<String, Object> endpoint = Tree.object(
                    "addresses",
                    new ArrayList<>(List.of(Tree.string(pod, "status", "podIP"))),
                    "conditions",
                    Tree.object(
                            "ready",
                            ready,
                            "serving",
                            ready || Tree.deleting(pod) && Pods.ready(pod),
                            "terminating",
                            Tree.deleting(pod)),
                    "targetRef",
                    ServiceEndpoints.targetRef(pod));
            String node = Pods.node(pod);
            if (node != null) {
                endpoint.put("nodeName", node);
            }
            endpoints.add(endpoint);
        }
        Map<String, Object> labels = ServiceEndpoints.labels(service);
        labels.put(MANAGED_BY, CONTROLLER);
        labels.put(SERVICE_NAME, key.name());
        List<Object> ports = ServiceEndpoints.ports(service, pods, true);
        List<Map<String, Object>> slices = cluster.list(
                Kinds.ENDPOINT_SLICES,
                key.namespace(),
                slice -> key.name().equals(Tree.labels(slice).get(SERVICE_NAME))
                        && CONTROLLER.equals(Tree.labels(slice).get(MANAGED_BY)));
        if (slices.isEmpty()) {
            Map<String, Object> slice = Tree.object(
                    "apiVersion",
                    "discovery.k8s.io/v1",
                    "kind",
                    "EndpointSlice",
                    "metadata",
                    Tree.object(
                            "generateName",
                            key.name() + "-",
                            "namespace",
                            key.namespace(),
                            "labels",
                            labels,
                            "ownerReferences",
                            new ArrayList<>(List.of(Owners.controllerRef(service, "v1", "Service")))),
                    "addressType",
                    "IPv4",
                    "endpoints",
                    endpoints,
                    "ports",
                    ports);
            cluster.create(Kinds.ENDPOINT_SLICES, key.namespace(), slice, Manager.CONTROLLER_MANAGER);
            return;
        }
        Map<String, Object> kept = slices.get(0);
        cluster.update(
                new ObjectKey(Kinds.ENDPOINT_SLICES, key.namespace(), Tree.name(kept)),
                edited -> {
                    Tree.child(edited, "metadata").put("labels", Tree.copy(labels));
                    edited.put("endpoints", Tree.copyValue(endpoints));
                    edited.put("ports", Tree.copyValue(ports));
                },
                Manager.CONTROLLER_MANAGER);
        for (Map<String, Object> extra : slices.subList(1, slices.size())) {
            cluster.delete(
                    new ObjectKey(Kinds.ENDPOINT_SLICES, key.namespace(), Tree.name(extra)),
                    Tree.uid(extra),
                    null,
                    null,
                    Manager.CONTROLLER_MANAGER);
        }
    }
}
