package kmock.internal.views;

import java.util.function.BooleanSupplier;

/**
 * A node's answer for the latest request it decided. Several rules may share a node, and dispatch asks it once
 * per rule: the first asking decides (a slice counts the request, an impure criterion runs), the others reuse it.
 */
final class LastDecision {

    private long seq = -1;
    private boolean result;

    /** The decision for request {@code seq}: {@code decide}'s answer, computed unless already known. */
    boolean of(long seq, BooleanSupplier decide) {
        synchronized (this) {
            if (seq == this.seq) {
                return result;
            }
        }
        boolean decided = decide.getAsBoolean();
        synchronized (this) {
            if (seq != this.seq) {
                this.seq = seq;
                this.result = decided;
            }
            return result;
        }
    }
}
