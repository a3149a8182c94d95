package kmock.internal.k8s.requests;

import kmock.api.Action;
import kmock.api.Method;

/** The Kubernetes action of a request, from its method and what its URL names. */
public final class Actions {

    private Actions() {}

    /** The action of a request with this method, with or without an object name, watching or not; else {@code null}. */
    public static Action of(Method method, boolean named, boolean watch) {
        if (method == null) {
            return null;
        }
        switch (method) {
            case GET:
                return watch ? Action.WATCH : named ? Action.FETCH : Action.LIST;
            case POST:
                return named ? null : Action.CREATE;
            case PUT:
            case PATCH:
                return named ? Action.UPDATE : null;
            case DELETE:
                return Action.DELETE;
            default:
                return null;
        }
    }
}
