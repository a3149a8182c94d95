package kmock.internal.k8s.controllers.lifecycle;

import java.util.List;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Tree;

/** The namespaces a cluster's API server makes at start: {@code default}, {@code kube-system}, {@code kube-public}, {@code kube-node-lease}. */
public final class SystemNamespaces {

    /** The names, in the order the API server makes them. */
    public static final List<String> NAMES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private SystemNamespaces() {}

    /** Makes those that are missing. */
    public static void create(ClusterClient cluster) {
        for (String name : NAMES) {
            if (cluster.get(Kinds.NAMESPACES, null, name) == null) {
                cluster.create(
                        Kinds.NAMESPACES,
                        null,
                        Tree.object(
                                "apiVersion",
                                "v1",
                                "kind",
                                "Namespace",
                                "metadata",
                                Tree.object("name", name, "labels", Tree.object("kubernetes.io/metadata.name", name))),
                        Manager.API_SERVER);
            }
        }
    }
}
