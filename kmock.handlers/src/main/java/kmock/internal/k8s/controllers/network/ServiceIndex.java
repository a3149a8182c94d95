package kmock.internal.k8s.controllers.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.StoreEvent;

/** The selectors of Services by namespace and name, kept from the store's changes, to find the Services of a changed pod. */
final class ServiceIndex {

    private final Map<String, Map<String, Map<String, Object>>> selectors = new ConcurrentHashMap<>();

    /** Records a change of a Service. */
    void observe(StoreEvent event) {
        String namespace = String.valueOf(event.key().namespace());
        if (event.type() == StoreEvent.Type.DELETED) {
            selectors.getOrDefault(namespace, Map.of()).remove(event.key().name());
        } else {
            selectors
                    .computeIfAbsent(namespace, k -> new ConcurrentHashMap<>())
                    .put(event.key().name(), Tree.map(Tree.at(event.object(), "spec", "selector")));
        }
    }

    /** The Services of a namespace whose selector selects a pod before or after a change. */
    List<String> selecting(StoreEvent event) {
        List<String> names = new ArrayList<>();
        Map<String, ?> now = Tree.labels(event.object());
        Map<String, ?> before = event.previous() == null ? Map.of() : Tree.labels(event.previous());
        selectors
                .getOrDefault(String.valueOf(event.key().namespace()), Map.of())
                .forEach((name, selector) -> {
                    if (LabelSelectors.matchesPlain(selector, now) || LabelSelectors.matchesPlain(selector, before)) {
                        names.add(name);
                    }
                });
        return names;
    }
}
