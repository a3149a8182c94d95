package kmock.internal.k8s.controllers.workloads;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The Deployment controller: for each Deployment a new ReplicaSet per pod template (named by its
 * {@code pod-template-hash}), rolled out by {@code RollingUpdate} ({@code maxSurge}, {@code maxUnavailable}) or
 * {@code Recreate}, scaled proportionally while a rollout runs, paused and resumed, old ReplicaSets cleaned up past
 * {@code revisionHistoryLimit}, revisions in annotations for {@code kubectl rollout history} and {@code undo}, and
 * the status with its {@code Available} and {@code Progressing} conditions. One reconcile is a {@link DeploymentSync}.
 */
public final class DeploymentController extends Controller {

    private final SelectorIndex selectors = new SelectorIndex();
    /** The Deployment of each ReplicaSet ("namespace/name"), so that pod changes reach a Recreate waiting for old pods. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    /** The Deployment controller of a cluster. */
    public DeploymentController(ClusterClient cluster) {
        super("deployment", Kinds.DEPLOYMENTS, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.DEPLOYMENTS)) {
            selectors.observe(event);
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(key);
            }
        } else if (key.resource().equals(Kinds.REPLICA_SETS)) {
            String owner = Workloads.controllerName(event.object(), "apps/v1", "Deployment");
            if (owner != null && event.type() != StoreEvent.Type.DELETED) {
                owners.put(key.namespace() + "/" + key.name(), owner);
            } else {
                owners.remove(key.namespace() + "/" + key.name());
            }
            Workloads.addControllers(event, "apps/v1", keys, "Deployment");
            if (Owners.controllerOf(event.object()) == null && event.type() != StoreEvent.Type.DELETED) {
                selectors
                        .matching(key.namespace(), Tree.labels(event.object()))
                        .forEach(name -> keys.add(key.namespace(), name));
            }
        } else if (key.resource().equals(Kinds.PODS)
                && (event.type() == StoreEvent.Type.DELETED || Pods.terminal(event.object()))) {
            String rs = Workloads.controllerName(event.object(), "apps/v1", "ReplicaSet");
            String deployment = rs == null ? null : owners.get(key.namespace() + "/" + rs);
            if (deployment != null) {
                keys.add(key.namespace(), deployment);
            }
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> deployment = cluster.get(key);
        if (deployment != null) {
            new DeploymentSync(cluster, this, key, deployment).run();
        }
    }
}
