package kmock.handlers;

import static kmock.handlers.Manifests.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * The CustomResourceDefinition of {@code widgets.example.com} that the emulator tests install (kind Widget,
 * namespaced, v1 served and stored, any field kept), and Widget objects. A test that needs other names, a schema or
 * the status subresource says so: {@code new WidgetDefinition().schema(openApiV3Schema).manifest()}.
 */
final class WidgetDefinition {

    /** Where definitions are created. */
    static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    /** The widgets of namespace {@code ns}. */
    static final String WIDGETS = "/apis/example.com/v1/namespaces/ns/widgets";

    private Map<String, Object> names = map("plural", "widgets", "singular", "widget", "kind", "Widget");
    private Map<String, Object> schema = map("type", "object", "x-kubernetes-preserve-unknown-fields", true);
    private boolean statusSubresource;

    /** The definition's {@code spec.names}, in place of plural, singular and kind. */
    WidgetDefinition names(Map<String, Object> names) {
        this.names = names;
        return this;
    }

    /** The v1 version's {@code openAPIV3Schema}, in place of one that keeps any field. */
    WidgetDefinition schema(Map<String, Object> openApiV3Schema) {
        this.schema = openApiV3Schema;
        return this;
    }

    /** With the status subresource: the main resource ignores status changes. */
    WidgetDefinition statusSubresource() {
        this.statusSubresource = true;
        return this;
    }

    /** The definition as a new mutable manifest, for a test to send or to change first. */
    Map<String, Object> manifest() {
        Map<String, Object> version = map("name", "v1", "served", true, "storage", true);
        if (statusSubresource) {
            version.put("subresources", map("status", map()));
        }
        version.put("schema", map("openAPIV3Schema", schema));
        return map(
                "apiVersion",
                "apiextensions.k8s.io/v1",
                "kind",
                "CustomResourceDefinition",
                "metadata",
                map("name", "widgets.example.com"),
                "spec",
                map(
                        "group",
                        "example.com",
                        "scope",
                        "Namespaced",
                        "names",
                        names,
                        "versions",
                        new ArrayList<>(List.of(version))));
    }

    /** The definition as JSON text, for {@code objects().load(…)}. */
    String json() {
        return Json.toText(manifest());
    }

    /** A Widget object without a spec. */
    static Map<String, Object> widget(String name) {
        return map("apiVersion", "example.com/v1", "kind", "Widget", "metadata", map("name", name));
    }

    /** A Widget object with a spec. */
    static Map<String, Object> widget(String name, Map<String, ?> spec) {
        Map<String, Object> widget = widget(name);
        widget.put("spec", spec);
        return widget;
    }
}
