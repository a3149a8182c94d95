package kmock.internal.k8s.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The printers of persistent volumes, persistent volume claims and storage classes. */
final class StoragePrinters {

    private static final String CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    private StoragePrinters() {}

    /** Adds the printers, keyed by {@code group/plural}. */
    static void register(Map<String, RowPrinter> printers) {
        printers.put(
                "/persistentvolumes",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Capacity", "The volume's storage capacity."),
                                Column.text("Access Modes", "How the volume can be mounted."),
                                Column.text("Reclaim Policy", "What happens to the volume when its claim goes."),
                                Column.text("Status", "The volume's phase."),
                                Column.text("Claim", "The claim bound to the volume."),
                                Column.text("StorageClass", "The volume's storage class."),
                                Column.text("VolumeAttributesClass", "The volume's attributes class."),
                                Column.text("Reason", "Why the volume is in its phase."),
                                Column.AGE,
                                Column.text("VolumeMode", "Filesystem or Block.")
                                        .wide()),
                        (object, now) -> {
                            Fields spec = object.at("spec");
                            Fields claim = spec.at("claimRef");
                            return List.of(
                                    object.name(),
                                    spec.text("capacity", "storage"),
                                    accessModes(spec.list("accessModes")),
                                    spec.text("persistentVolumeReclaimPolicy"),
                                    phase(object),
                                    claim.present() ? claim.text("namespace") + "/" + claim.text("name") : "",
                                    storageClass(object),
                                    Formats.orElse(spec.text("volumeAttributesClassName"), "<unset>"),
                                    object.text("status", "reason"),
                                    Formats.since(object.created(), now),
                                    Formats.orElse(spec.text("volumeMode"), "<unset>"));
                        }));
        printers.put(
                "/persistentvolumeclaims",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Status", "The claim's phase."),
                                Column.text("Volume", "The volume bound to the claim."),
                                Column.text("Capacity", "The bound volume's capacity."),
                                Column.text("Access Modes", "How the bound volume can be mounted."),
                                Column.text("StorageClass", "The claim's storage class."),
                                Column.text("VolumeAttributesClass", "The claim's attributes class."),
                                Column.AGE,
                                Column.text("VolumeMode", "Filesystem or Block.")
                                        .wide()),
                        (object, now) -> {
                            Fields spec = object.at("spec");
                            boolean bound = !spec.text("volumeName").isEmpty();
                            return List.of(
                                    object.name(),
                                    phase(object),
                                    spec.text("volumeName"),
                                    bound ? object.text("status", "capacity", "storage") : "",
                                    bound ? accessModes(object.list("status", "accessModes")) : "",
                                    storageClass(object),
                                    Formats.orElse(spec.text("volumeAttributesClassName"), "<unset>"),
                                    Formats.since(object.created(), now),
                                    Formats.orElse(spec.text("volumeMode"), "<unset>"));
                        }));
        printers.put(
                "storage.k8s.io/storageclasses",
                RowPrinter.of(
                        List.of(
                                Column.NAME,
                                Column.text("Provisioner", "The volume plugin that provisions its volumes."),
                                Column.text("ReclaimPolicy", "What happens to its volumes when their claims go."),
                                Column.text("VolumeBindingMode", "When its volumes are bound."),
                                Column.text("AllowVolumeExpansion", "Whether its volumes can grow."),
                                Column.AGE),
                        (object, now) -> {
                            Map<String, Object> annotations = object.map("metadata", "annotations");
                            boolean isDefault =
                                    "true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"))
                                            || "true"
                                                    .equals(annotations.get(
                                                            "storageclass.beta.kubernetes.io/is-default-class"));
                            return List.of(
                                    object.name() + (isDefault ? " (default)" : ""),
                                    object.text("provisioner"),
                                    Formats.orElse(object.text("reclaimPolicy"), "Delete"),
                                    Formats.orElse(object.text("volumeBindingMode"), "Immediate"),
                                    object.bool("allowVolumeExpansion"),
                                    Formats.since(object.created(), now));
                        }));
    }

    private static String phase(Fields object) {
        return object.present("metadata", "deletionTimestamp") ? "Terminating" : object.text("status", "phase");
    }

    /** The storage class from the old annotation, else from {@code spec.storageClassName}. */
    private static String storageClass(Fields object) {
        Object annotated = object.map("metadata", "annotations").get(CLASS_ANNOTATION);
        return annotated != null ? String.valueOf(annotated) : object.text("spec", "storageClassName");
    }

    /** Access modes abbreviated in a fixed order: RWO, ROX, RWX, RWOP. */
    private static String accessModes(List<Fields> modes) {
        List<String> given = new ArrayList<>();
        modes.forEach(mode -> given.add(mode.text()));
        List<String> shown = new ArrayList<>();
        String[][] order = {
            {"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"}, {"ReadWriteOncePod", "RWOP"}
        };
        for (String[] mode : order) {
            if (given.contains(mode[0])) {
                shown.add(mode[1]);
            }
        }
        return String.join(",", shown);
    }
}
