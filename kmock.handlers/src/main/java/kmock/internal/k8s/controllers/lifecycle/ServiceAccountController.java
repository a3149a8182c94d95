package kmock.internal.k8s.controllers.lifecycle;

import java.util.Map;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/** The service account controller: every active namespace has a ServiceAccount {@code default}, made again if deleted. */
public final class ServiceAccountController extends Controller {

    private static final String NAME = "default";

    /** The service account controller of a cluster. */
    public ServiceAccountController(ClusterClient cluster) {
        super("serviceaccount", Kinds.NAMESPACES, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.NAMESPACES) && event.type() != StoreEvent.Type.DELETED) {
            keys.add(key);
        } else if (key.resource().equals(Kinds.SERVICE_ACCOUNTS)
                && key.name().equals(NAME)
                && event.type() == StoreEvent.Type.DELETED) {
            keys.add(null, key.namespace());
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> namespace = cluster.get(key);
        if (namespace == null
                || Tree.deleting(namespace)
                || cluster.get(Kinds.SERVICE_ACCOUNTS, key.name(), NAME) != null) {
            return;
        }
        cluster.create(
                Kinds.SERVICE_ACCOUNTS,
                key.name(),
                Tree.object(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ServiceAccount",
                        "metadata",
                        Tree.object("name", NAME, "namespace", key.name())),
                Manager.CONTROLLER_MANAGER);
    }
}
