package kmock.internal.k8s.store;

import java.util.Map;

/**
 * The outcome of deleting one object.
 *
 * @param object  the object as deleted, or, when finalizers keep it, as it is now (with a deletionTimestamp)
 * @param pending whether finalizers keep the object for now (the API answers 202 instead of 200)
 */
public record Deletion(Map<String, Object> object, boolean pending) {}
