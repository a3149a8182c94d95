package kmock.internal.k8s.controllers.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The (v1) Endpoints controller: for each Service with a selector an Endpoints object of the same name with one
 * subset of ready and not-ready addresses and the resolved ports; when a Service goes, so do the Endpoints of its name.
 */
public final class EndpointsController extends Controller {

    private final ServiceIndex services = new ServiceIndex();

    /** The Endpoints controller of a cluster. */
    public EndpointsController(ClusterClient cluster) {
        super("endpoint", Kinds.SERVICES, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.SERVICES)) {
            services.observe(event);
            keys.add(key);
        } else if (key.resource().equals(Kinds.PODS)) {
            services.selecting(event).forEach(name -> keys.add(key.namespace(), name));
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> service = cluster.get(key);
        ObjectKey endpointsKey = new ObjectKey(Kinds.ENDPOINTS, key.namespace(), key.name());
        if (service == null || Tree.deleting(service)) {
            Map<String, Object> stale = cluster.get(endpointsKey);
            if (stale != null) {
                cluster.delete(endpointsKey, Tree.uid(stale), null, null, Manager.CONTROLLER_MANAGER);
            }
            return;
        }
        if (Tree.map(Tree.at(service, "spec", "selector")).isEmpty()) {
            return;
        }
        List<Map<String, Object>> pods = ServiceEndpoints.pods(cluster, service);
        List<Object> ready = new ArrayList<>();
        List<Object> notReady = new ArrayList<>();
        for (Map<String, Object> pod : pods) {
            Map<String, Object> address = Tree.object("ip", Tree.string(pod, "status", "podIP"));
            if (Pods.node(pod) != null) {
                address.put("nodeName", Pods.node(pod));
            }
            address.put("targetRef", ServiceEndpoints.targetRef(pod));
            (ServiceEndpoints.ready(service, pod) ? ready : notReady).add(address);
        }
        Map<String, Object> subset = Tree.object();
        if (!ready.isEmpty()) {
            subset.put("addresses", ready);
        }
        if (!notReady.isEmpty()) {
            subset.put("notReadyAddresses", notReady);
        }
        subset.put("ports", ServiceEndpoints.ports(service, pods, false));
        List<Object> subsets = ready.isEmpty() && notReady.isEmpty() ? List.of() : new ArrayList<>(List.of(subset));
        Map<String, Object> labels = ServiceEndpoints.labels(service);
        if (cluster.get(endpointsKey) == null) {
            cluster.create(
                    Kinds.ENDPOINTS,
                    key.namespace(),
                    Tree.object(
                            "apiVersion",
                            "v1",
                            "kind",
                            "Endpoints",
                            "metadata",
                            Tree.object("name", key.name(), "namespace", key.namespace(), "labels", labels),
                            "subsets",
                            new ArrayList<>(subsets)),
                    Manager.CONTROLLER_MANAGER);
            return;
        }
        cluster.update(
                endpointsKey,
                edited -> {
                    Tree.child(edited, "metadata").put("labels", Tree.copy(labels));
                    if (subsets.isEmpty()) {
                        edited.remove("subsets");
                    } else {
                        edited.put("subsets", Tree.copyValue(subsets));
                    }
                },
                Manager.CONTROLLER_MANAGER);
    }
}
