package kmock.internal.k8s.fields;

/** A value that does not fit its schema, with the path of the field, as structured-merge-diff reports it. */
final class TypedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TypedException(String message) {
        super(message, null, false, false);
    }
}
