package kmock.internal.k8s.store;

import java.util.List;
import java.util.Map;

/**
 * One page of a list: the items (frozen), the resourceVersion the whole list is consistent at, the token for the
 * next page ({@code null} on the last page) and how many matching items follow ({@code null} on the last page).
 *
 * @param items              the objects of this page, in key order
 * @param resourceVersion    the list's resourceVersion (a decimal string)
 * @param continueToken      the opaque token for the next page, or {@code null}
 * @param remainingItemCount how many more items match after this page, or {@code null}
 */
public record ListPage(
        List<Map<String, Object>> items, String resourceVersion, String continueToken, Long remainingItemCount) {}
