package kmock.internal.k8s.store;

/**
 * Options of one API write: {@code dryRun} (validate and answer, but store nothing, take no resourceVersion and
 * emit no event) and the preconditions of a delete ({@code uid}, {@code resourceVersion}; {@code null}: none).
 *
 * @param dryRun                  whether to leave no trace
 * @param uid                     the uid the object must have, or {@code null}
 * @param resourceVersion         the resourceVersion the object must have, or {@code null}
 */
public record WriteOptions(boolean dryRun, String uid, String resourceVersion) {

    /** A plain write. */
    public static final WriteOptions NONE = new WriteOptions(false, null, null);

    /** A dry run. */
    public static final WriteOptions DRY_RUN = new WriteOptions(true, null, null);

    /** The same options with preconditions. */
    public WriteOptions withPreconditions(String requiredUid, String requiredResourceVersion) {
        return new WriteOptions(dryRun, requiredUid, requiredResourceVersion);
    }
}
