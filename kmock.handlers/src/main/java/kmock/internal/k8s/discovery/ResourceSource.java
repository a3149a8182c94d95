package kmock.internal.k8s.discovery;

import java.util.Map;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;

/**
 * Resources a Kubernetes handler serves besides its catalog: the emulator's stored objects make theirs
 * discoverable. A source is added once it is fully built, so it is never asked while its owner is half-made.
 */
public interface ResourceSource {

    /** A source of no resources. */
    ResourceSource NONE = new ResourceSource() {
        @Override
        public void addTo(Map<Resource, ResourceInfo> known) {}

        @Override
        public long revision() {
            return 0;
        }
    };

    /** Adds the resources it serves to {@code known}, leaving those already described alone. */
    void addTo(Map<Resource, ResourceInfo> known);

    /** A number that changes whenever {@link #addTo} may add something else (it only ever grows). */
    long revision();
}
