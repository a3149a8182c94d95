package kmock.internal.k8s.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.handlers.ResourcesArray;
import kmock.internal.k8s.emulator.CustomResources;

/**
 * Kubernetes manifests made ready to store: each object read from YAML or JSON and placed at its resource (found
 * by apiVersion and kind in the catalog, or among the CustomResourceDefinitions earlier in the same batch),
 * namespace ({@code default} for a namespaced object that names none) and name. Everything is read and placed
 * before anything is stored, so a bad document stores nothing; every error names the source and the document.
 */
public final class Manifests {

    /**
     * Where one object goes.
     *
     * @param resource  its resource
     * @param namespace its namespace, {@code null} for a cluster-wide object
     * @param name      its name
     * @param object    the object as written
     */
    public record Placement(Resource resource, String namespace, String name, Map<String, Object> object) {

        /** Whether storing it defines resources (a CustomResourceDefinition). */
        public boolean defines() {
            return CustomResources.isDefinition(object);
        }
    }

    private Manifests() {}

    /** The objects of files, in order. @throws IllegalArgumentException naming the file and document */
    public static List<Placement> ofFiles(List<Path> files, ResourcesArray catalog) {
        List<Manifest> all = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the manifest file " + file + ": " + e.getMessage(), e);
            }
            all.addAll(ManifestReader.read(bytes, file.toString()));
        }
        return place(all, catalog);
    }

    /** The objects of YAML or JSON text, in order. @throws IllegalArgumentException naming the document */
    public static List<Placement> ofText(String text, ResourcesArray catalog) {
        return place(ManifestReader.read(text.getBytes(StandardCharsets.UTF_8), "the manifest text"), catalog);
    }

    private static List<Placement> place(List<Manifest> manifests, ResourcesArray catalog) {
        Map<Resource, ResourceInfo> batch = new HashMap<>();
        List<Placement> placements = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Resource resource = resourceOf(manifest, catalog, batch);
            ResourceInfo info = catalog.find(resource) != null ? catalog.find(resource) : batch.get(resource);
            String namespace = !info.namespaced()
                    ? null
                    : manifest.metadata().get("namespace") instanceof String ns && !ns.isBlank() ? ns : "default";
            placements.add(new Placement(
                    resource, namespace, (String) manifest.metadata().get("name"), manifest.object()));
            if (CustomResources.isDefinition(manifest.object())) {
                batch.putAll(CustomResources.defined(manifest.object()));
            }
        }
        return placements;
    }

    private static Resource resourceOf(Manifest manifest, ResourcesArray catalog, Map<Resource, ResourceInfo> batch) {
        String apiVersion = manifest.apiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        for (Resource resource : catalog.keys()) {
            ResourceInfo info = catalog.find(resource);
            if (info != null && matches(resource, info, group, version, manifest.kind())) {
                return resource;
            }
        }
        for (Map.Entry<Resource, ResourceInfo> defined : batch.entrySet()) {
            if (matches(defined.getKey(), defined.getValue(), group, version, manifest.kind())) {
                return defined.getKey();
            }
        }
        throw new IllegalArgumentException(manifest.origin() + ": kind " + manifest.kind() + " of " + apiVersion
                + " is not a known resource: load the bundled catalog with kmock.resources().loadBundled(), declare it "
                + "with kmock.resources().put(…), or put its CustomResourceDefinition first");
    }

    private static boolean matches(Resource resource, ResourceInfo info, String group, String version, String kind) {
        return resource.group().equals(group)
                && resource.version().equals(version)
                && kind.equals(info.kindFor(resource.plural()));
    }
}
