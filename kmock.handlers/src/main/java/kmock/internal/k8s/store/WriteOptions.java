package kmock.internal.k8s.store;

/**
 * Options of one API write: {@code dryRun} (validate and answer, but store nothing, take no resourceVersion and
 * emit no event), the preconditions of a delete ({@code uid}, {@code resourceVersion}; {@code null}: none), and
 * whether it goes through {@code /status} (whose strategies never change {@code metadata.generation}).
 *
 * @param dryRun                  whether to leave no trace
 * @param uid                     the uid the object must have, or {@code null}
 * @param resourceVersion         the resourceVersion the object must have, or {@code null}
 * @param statusWrite             whether the write is one of the {@code status} subresource
 */
public record WriteOptions(boolean dryRun, String uid, String resourceVersion, boolean statusWrite) {

    /** A plain write. */
    public static final WriteOptions NONE = new WriteOptions(false, null, null);

    /** A dry run. */
    public static final WriteOptions DRY_RUN = new WriteOptions(true, null, null);

    /** Options of a write of the main resource. */
    public WriteOptions(boolean dryRun, String uid, String resourceVersion) {
        this(dryRun, uid, resourceVersion, false);
    }

    /** The same options with preconditions. */
    public WriteOptions withPreconditions(String requiredUid, String requiredResourceVersion) {
        return new WriteOptions(dryRun, requiredUid, requiredResourceVersion, statusWrite);
    }

    /** The same options for a write through {@code /status}. */
    public WriteOptions forStatus() {
        return new WriteOptions(dryRun, uid, resourceVersion, true);
    }
}
