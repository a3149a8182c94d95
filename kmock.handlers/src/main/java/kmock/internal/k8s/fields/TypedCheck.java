package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.schema.ListSchema;

/**
 * Checks that an applied configuration fits its schema before it is merged, as structured-merge-diff does when it
 * types the patch: scalars of the declared type, no undeclared fields (unless the schema keeps unknown fields),
 * list items with their keys and without duplicates.
 */
final class TypedCheck {

    private final List<String> errors = new ArrayList<>();

    private TypedCheck() {}

    /** @throws TypedException with every problem, each prefixed by its field path */
    static void check(Object value, TypeNode node) {
        TypedCheck check = new TypedCheck();
        check.walk("", value, node);
        if (check.errors.size() == 1) {
            throw new TypedException(check.errors.get(0));
        }
        if (!check.errors.isEmpty()) {
            throw new TypedException("errors:\n  " + String.join("\n  ", check.errors));
        }
    }

    private void error(String path, String message) {
        errors.add(path.isEmpty() ? message : path + ": " + message);
    }

    private void walk(String path, Object value, TypeNode node) {
        if (value == null) {
            return;
        }
        TypeNode.Form form = node.formOf(value);
        if (!node.accepts(form)) {
            TypeNode.Form wanted = node.effectiveForm(value);
            error(
                    path,
                    switch (wanted) {
                        case MAP -> "expected map, got " + JsonValues.json(value);
                        case LIST -> "expected list, got " + JsonValues.json(value);
                        case SCALAR ->
                            node.scalarMismatch(value) != null
                                    ? node.scalarMismatch(value)
                                    : "expected any scalar, got " + JsonValues.json(value);
                    });
            return;
        }
        switch (form) {
            case SCALAR -> {
                String mismatch = node.scalarMismatch(value);
                if (mismatch != null) {
                    error(path, mismatch);
                }
            }
            case LIST -> items(path, (List<?>) value, node);
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    String child = path + new PathElement.Field(key);
                    if (!node.declares(key)) {
                        error(child, "field not declared in schema");
                        return;
                    }
                    walk(child, entry.getValue(), node.child(key));
                }
            }
        }
    }

    private void items(String path, List<?> list, TypeNode node) {
        boolean associative = node.listType() != ListSchema.ListType.ATOMIC;
        Set<PathElement> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            PathElement element = new PathElement.Index(i);
            if (associative) {
                try {
                    element = ListItems.elementOf(node, list.get(i));
                } catch (TypedException e) {
                    error(path, "element " + i + ": " + e.getMessage());
                    return;
                }
                if (!seen.add(element)) {
                    error(path, "duplicate entries for key " + element);
                }
            }
            walk(path + element, list.get(i), node.items());
        }
    }
}
