package kmock.internal.k8s.controllers.lifecycle;

import java.util.Map;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;
import kmock.internal.tls.Authority;

/**
 * The root CA publisher: every active namespace has a ConfigMap {@code kube-root-ca.crt} with the cluster's CA
 * certificate (here the KMock CA, which signs the emulator's HTTPS certificates), restored when changed or deleted.
 */
public final class RootCaPublisher extends Controller {

    private static final String NAME = "kube-root-ca.crt";
    private static final String DESCRIPTION =
            "Contains a CA bundle that can be used to verify the kube-apiserver when using "
                    + "internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed "
                    + "across distributions of Kubernetes clusters.";

    /** The root CA publisher of a cluster. */
    public RootCaPublisher(ClusterClient cluster) {
        super("root-ca-cert-publisher", Kinds.NAMESPACES, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.NAMESPACES) && event.type() != StoreEvent.Type.DELETED) {
            keys.add(key);
        } else if (key.resource().equals(Kinds.CONFIG_MAPS) && key.name().equals(NAME)) {
            keys.add(null, key.namespace());
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> namespace = cluster.get(key);
        if (namespace == null || Tree.deleting(namespace)) {
            return;
        }
        Map<String, Object> data = Tree.object("ca.crt", Authority.jvm().pem());
        ObjectKey configMap = new ObjectKey(Kinds.CONFIG_MAPS, key.name(), NAME);
        if (cluster.get(configMap) == null) {
            cluster.create(
                    Kinds.CONFIG_MAPS,
                    key.name(),
                    Tree.object(
                            "apiVersion",
                            "v1",
                            "kind",
                            "ConfigMap",
                            "metadata",
                            Tree.object(
                                    "name",
                                    NAME,
                                    "namespace",
                                    key.name(),
                                    "annotations",
                                    Tree.object("kubernetes.io/description", DESCRIPTION)),
                            "data",
                            data),
                    Manager.CONTROLLER_MANAGER);
        } else {
            cluster.update(configMap, edited -> edited.put("data", Tree.copy(data)), Manager.CONTROLLER_MANAGER);
        }
    }
}
