package kmock.internal.k8s.controllers.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The selectors of one kind of workload by namespace and name, kept from the store's changes, so that a change of an
 * orphan object can name the workloads that may adopt it without reading the store.
 */
final class SelectorIndex {

    private final Map<String, Map<String, Object>> selectors = new ConcurrentHashMap<>();

    /** Records a change of a workload. */
    void observe(StoreEvent event) {
        String namespace = String.valueOf(event.key().namespace());
        if (event.type() == StoreEvent.Type.DELETED) {
            Map<String, Object> names = selectors.get(namespace);
            if (names != null) {
                names.remove(event.key().name());
            }
        } else {
            Object selector = Tree.at(event.object(), "spec", "selector");
            selectors
                    .computeIfAbsent(namespace, k -> new ConcurrentHashMap<>())
                    .put(event.key().name(), selector == null ? Map.of() : selector);
        }
    }

    /** The workloads of a namespace whose (non-empty) selector matches these labels. */
    List<String> matching(String namespace, Map<String, ?> labels) {
        List<String> names = new ArrayList<>();
        selectors.getOrDefault(String.valueOf(namespace), Map.of()).forEach((name, selector) -> {
            if (!LabelSelectors.isEmpty(selector) && LabelSelectors.matches(selector, labels)) {
                names.add(name);
            }
        });
        return names;
    }
}
