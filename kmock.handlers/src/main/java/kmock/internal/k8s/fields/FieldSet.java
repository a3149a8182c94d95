package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths, kept as structured-merge-diff keeps it: a tree whose nodes hold the path elements that are
 * members at that level and the children that lead to deeper members. A parent is not a member because a child
 * is; {@code .} in FieldsV1 marks a node that is both. Sets are built by inserting paths and are not changed once
 * another set shares their nodes: every operation answers a new set.
 */
public final class FieldSet {

    private final NavigableSet<PathElement> members = new TreeSet<>();
    private final NavigableMap<PathElement, FieldSet> children = new TreeMap<>();

    /** An empty set, to insert paths into. */
    public FieldSet() {}

    /** A set of the given paths. */
    public static FieldSet of(List<List<PathElement>> paths) {
        FieldSet set = new FieldSet();
        paths.forEach(set::insert);
        return set;
    }

    /** Adds a path (never its parents); the empty path, the whole object, is nobody's to own and is ignored. */
    public void insert(List<PathElement> path) {
        if (path.isEmpty()) {
            return;
        }
        FieldSet node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.computeIfAbsent(path.get(i), pe -> new FieldSet());
        }
        node.members.add(path.get(path.size() - 1));
    }

    /** Whether the path is a member. */
    public boolean has(List<PathElement> path) {
        if (path.isEmpty()) {
            return false;
        }
        FieldSet node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.get(path.get(i));
            if (node == null) {
                return false;
            }
        }
        return node.members.contains(path.get(path.size() - 1));
    }

    /** Whether the set has no member at any depth. */
    public boolean isEmpty() {
        if (!members.isEmpty()) {
            return false;
        }
        for (FieldSet child : children.values()) {
            if (!child.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether an element is a member at this level. */
    boolean hasMember(PathElement element) {
        return members.contains(element);
    }

    /** The members at this level, in order. */
    NavigableSet<PathElement> members() {
        return members;
    }

    /** The children at this level, in order. */
    NavigableMap<PathElement, FieldSet> children() {
        return children;
    }

    /** The paths below an element, without it: the empty set when there are none. */
    public FieldSet childAt(PathElement element) {
        FieldSet child = children.get(element);
        return child == null ? new FieldSet() : child;
    }

    /** The members of either set. */
    public FieldSet union(FieldSet other) {
        FieldSet out = new FieldSet();
        out.members.addAll(members);
        out.members.addAll(other.members);
        out.children.putAll(children);
        other.children.forEach((pe, child) -> out.children.merge(pe, child, FieldSet::union));
        return out;
    }

    /** The members of both sets. */
    public FieldSet intersection(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement member : members) {
            if (other.members.contains(member)) {
                out.members.add(member);
            }
        }
        children.forEach((pe, child) -> {
            FieldSet theirs = other.children.get(pe);
            if (theirs != null) {
                FieldSet both = child.intersection(theirs);
                if (!both.isEmpty()) {
                    out.children.put(pe, both);
                }
            }
        });
        return out;
    }

    /** The members of this set that the other lacks; a member of the other removes no deeper member of this one. */
    public FieldSet difference(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement member : members) {
            if (!other.members.contains(member)) {
                out.members.add(member);
            }
        }
        children.forEach((pe, child) -> {
            FieldSet theirs = other.children.get(pe);
            if (theirs == null) {
                out.children.put(pe, child);
            } else {
                FieldSet rest = child.difference(theirs);
                if (!rest.isEmpty()) {
                    out.children.put(pe, rest);
                }
            }
        });
        return out;
    }

    /** The members of this set that the other lacks, where a member of the other also removes everything below it. */
    public FieldSet recursiveDifference(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement member : members) {
            if (!other.members.contains(member)) {
                out.members.add(member);
            }
        }
        children.forEach((pe, child) -> {
            if (other.members.contains(pe)) {
                return;
            }
            FieldSet theirs = other.children.get(pe);
            if (theirs == null) {
                out.children.put(pe, child);
            } else {
                FieldSet rest = child.recursiveDifference(theirs);
                if (!rest.isEmpty()) {
                    out.children.put(pe, rest);
                }
            }
        });
        return out;
    }

    /** Only the paths under {@code element} (with it): for filters that keep one subtree. */
    public FieldSet onlyUnder(PathElement element) {
        FieldSet out = new FieldSet();
        if (members.contains(element)) {
            out.members.add(element);
        }
        FieldSet child = children.get(element);
        if (child != null && !child.isEmpty()) {
            out.children.put(element, child);
        }
        return out;
    }

    /** Calls the action with every member path, members of a level before its children, in order. */
    public void forEachPath(Consumer<List<PathElement>> action) {
        forEachPath(new ArrayList<>(), action);
    }

    private void forEachPath(List<PathElement> prefix, Consumer<List<PathElement>> action) {
        for (PathElement member : members) {
            List<PathElement> path = new ArrayList<>(prefix);
            path.add(member);
            action.accept(List.copyOf(path));
        }
        children.forEach((pe, child) -> {
            prefix.add(pe);
            child.forEachPath(prefix, action);
            prefix.remove(prefix.size() - 1);
        });
    }

    /** Every member path, in the order of {@link #forEachPath}. */
    public List<List<PathElement>> paths() {
        List<List<PathElement>> paths = new ArrayList<>();
        forEachPath(paths::add);
        return paths;
    }

    /** The set in the FieldsV1 encoding (a JSON object tree). */
    public Map<String, Object> toFieldsV1() {
        return FieldsV1.encode(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && members.equals(set.members) && children.equals(set.children);
    }

    @Override
    public int hashCode() {
        return members.hashCode() * 31 + children.hashCode();
    }

    /** The member paths, one per line, as the API server prints them. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        forEachPath(path -> lines.add(Paths.toString(path)));
        return String.join("\n", lines);
    }
}
