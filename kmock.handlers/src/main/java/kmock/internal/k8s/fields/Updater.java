package kmock.internal.k8s.fields;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Field ownership through one write, as structured-merge-diff's updater keeps it: an update takes the fields it
 * changed (from everyone else) and gives up the fields it removed; an apply merges the configuration, prunes what
 * its manager applied before and applies no more (unless someone else still owns it), and fails with the
 * conflicts when it changes fields that others own, unless forced.
 */
final class Updater {

    /** The outcome of an apply. @param view the merged object as seen typed @param raw the merged object to store */
    record Applied(Object view, Object raw) {}

    private final TypeNode root;
    private final UnaryOperator<FieldSet> ignore;

    /**
     * @param root   the node of the kind
     * @param ignore the fields this endpoint does not manage (a subresource's reset fields), taken out of every set
     */
    Updater(TypeNode root, UnaryOperator<FieldSet> ignore) {
        this.root = root;
        this.ignore = ignore;
    }

    /** Records an update (create, replace, patch) by {@code workflow} from {@code liveView} to {@code newView}. */
    void update(Object liveView, Object newView, Managers managers, String workflow, String apiVersion) {
        Comparison compare = Comparison.of(liveView, newView, root).filter(ignore);
        takeFromOthers(managers, workflow, compare, true);
        Managers.Owned previous = managers.owned().get(workflow);
        FieldSet set = (previous == null ? new FieldSet() : previous.set())
                .difference(compare.removed())
                .union(compare.modified())
                .union(compare.added());
        set = ignore.apply(set);
        if (set.isEmpty()) {
            managers.owned().remove(workflow);
        } else {
            managers.owned().put(workflow, new Managers.Owned(set, apiVersion, false));
        }
    }

    /**
     * Applies a configuration for {@code applier}: the result, or {@code null} views when the object does not
     * change (the manager's fields may still have).
     *
     * @throws FieldConflicts when not forced and others own fields whose values the apply changes
     */
    Applied apply(
            Map<String, Object> liveRaw,
            Object liveView,
            Map<String, ?> config,
            Managers managers,
            String applier,
            String apiVersion,
            boolean force) {
        Object mergedView = Merging.merge(liveView, config, root);
        Object mergedRaw = Merging.merge(liveRaw, config, root);
        Managers.Owned last = managers.owned().get(applier);
        FieldSet applied = ignore.apply(FieldSets.of(config, root));
        managers.owned().put(applier, new Managers.Owned(applied, apiVersion, true));
        Applied pruned = prune(mergedView, mergedRaw, managers, last, applied);
        takeFromOthers(
                managers, applier, Comparison.of(liveView, pruned.view(), root).filter(ignore), force);
        managers.owned().values().removeIf(owned -> owned.set().isEmpty());
        return JsonValues.same(liveView, pruned.view()) ? new Applied(null, null) : pruned;
    }

    /**
     * Removes what the applier owned before and applies no more, unless another manager (or the new configuration)
     * owns it: removal by the applier's previous fields, then everything owned put back, then everything that was
     * not the applier's put back too.
     */
    private Applied prune(
            Object mergedView, Object mergedRaw, Managers managers, Managers.Owned last, FieldSet applied) {
        if (last == null || last.set().difference(applied).isEmpty()) {
            // Nothing applied before is missing now (the usual re-apply): nothing to remove.
            return new Applied(mergedView, mergedRaw);
        }
        FieldSet previous = FieldSets.withNamedFields(last.set(), root);
        Object pruned = Removal.remove(mergedView, previous, root);
        FieldSet owned = new FieldSet();
        for (Managers.Owned fields : managers.owned().values()) {
            owned = owned.union(fields.set());
        }
        FieldSet merged = FieldSets.withNamedFields(FieldSets.of(mergedView, root), root);
        FieldSet kept = FieldSets.withNamedFields(FieldSets.of(pruned, root), root)
                .union(FieldSets.withNamedFields(owned, root));
        pruned = Removal.remove(mergedView, merged.difference(kept), root);
        FieldSet gone = merged.difference(FieldSets.withNamedFields(FieldSets.of(pruned, root), root))
                .intersection(previous);
        return new Applied(Removal.remove(mergedView, gone, root), Removal.remove(mergedRaw, gone, root));
    }

    /** Others lose the fields this write changed (or it fails, unless forced) and the fields it removed. */
    private static void takeFromOthers(Managers managers, String workflow, Comparison compare, boolean force) {
        FieldSet changed = compare.modified().union(compare.added());
        Map<String, FieldSet> conflicts = new TreeMap<>();
        managers.owned().forEach((id, owned) -> {
            if (!id.equals(workflow)) {
                FieldSet overlap = owned.set().intersection(changed);
                if (!overlap.isEmpty()) {
                    conflicts.put(id, overlap);
                }
            }
        });
        if (!force && !conflicts.isEmpty()) {
            throw new FieldConflicts(conflicts);
        }
        managers.owned()
                .replaceAll((id, owned) -> id.equals(workflow)
                        ? owned
                        : new Managers.Owned(
                                owned.set()
                                        .difference(conflicts.getOrDefault(id, new FieldSet()))
                                        .difference(compare.removed()),
                                owned.apiVersion(),
                                owned.applied()));
        managers.owned()
                .entrySet()
                .removeIf(entry -> !entry.getKey().equals(workflow)
                        && entry.getValue().set().isEmpty());
    }
}
