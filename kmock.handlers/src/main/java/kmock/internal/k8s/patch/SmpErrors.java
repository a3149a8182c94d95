package kmock.internal.k8s.patch;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The failures of a strategic merge patch with the messages and status codes kube-apiserver answers: its five
 * malformed-patch errors are 400s, lists of lists a bare 422, and everything else a 500 without a reason (the API
 * server passes the patch library's error through unclassified; kubectl prints {@code Error from server: <message>}).
 */
final class SmpErrors {

    static final String BAD_PRIMITIVE_LIST = "invalid patch format of primitive list";
    static final String BAD_RETAIN_KEYS = "invalid patch format of retainKeys";
    static final String BAD_SET_ELEMENT_ORDER = "invalid patch format of setElementOrder list";

    private SmpErrors() {}

    /** A malformed directive: 400. */
    static KubernetesException badRequest(String message) {
        return new KubernetesException(Reason.BAD_REQUEST, message);
    }

    /** A list of lists, which the API server answers with its generic 422 (the library's text is dropped). */
    static KubernetesException listOfLists() {
        return new KubernetesException(
                Reason.INVALID, "the server rejected our request due to an error in our request");
    }

    /** Any other failure: a 500 with the patch library's message and no reason, as the API server answers it. */
    static KubernetesException unclassified(String message) {
        return new KubernetesException(Reason.UNKNOWN, message);
    }

    /** A list item without the field that identifies it. */
    static KubernetesException noMergeKey(Object item, String key) {
        return unclassified("map: " + GoValues.text(item) + " does not contain declared merge key: " + key);
    }

    /** A value of another JSON type than the place needs. */
    static KubernetesException badType(GoValues.Type expected, Object actual) {
        return unclassified("expected a " + expected.goName() + ", but received a "
                + GoValues.type(actual).goName());
    }

    /** A {@code $patch} value other than the ones the place accepts. */
    static KubernetesException badDirective(Object directive, Object map) {
        String text = directive instanceof String s
                ? s
                : "%!s(" + GoValues.type(directive).goName() + "=" + GoValues.text(directive) + ")";
        return unclassified("unknown patch type: " + text + " in map: " + GoValues.text(map));
    }
}
