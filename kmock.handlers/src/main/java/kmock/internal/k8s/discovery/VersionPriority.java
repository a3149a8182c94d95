package kmock.internal.k8s.discovery;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes version priority, highest first, as kube-apiserver orders a group's versions and picks the preferred
 * one: GA before beta before alpha, higher major numbers first, then higher pre-release numbers
 * ({@code v2 > v1 > v11beta2 > v10beta3 > v3beta1 > v12alpha1 > v11alpha2}); versions of other shapes come last,
 * in alphabetical order.
 */
final class VersionPriority implements Comparator<String> {

    /** The one instance. */
    static final VersionPriority HIGHEST_FIRST = new VersionPriority();

    private static final Pattern KUBE_LIKE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private VersionPriority() {}

    @Override
    public int compare(String a, String b) {
        Matcher x = KUBE_LIKE.matcher(a);
        Matcher y = KUBE_LIKE.matcher(b);
        boolean kubeA = x.matches();
        boolean kubeB = y.matches();
        if (!kubeA || !kubeB) {
            return kubeA ? -1 : kubeB ? 1 : a.compareTo(b);
        }
        int byStability = Integer.compare(stability(y), stability(x));
        if (byStability != 0) {
            return byStability;
        }
        int byMajor = compareNumbers(y.group(1), x.group(1));
        if (byMajor != 0) {
            return byMajor;
        }
        return x.group(3) == null ? 0 : compareNumbers(y.group(3), x.group(3));
    }

    private static int stability(Matcher version) {
        return version.group(2) == null ? 2 : version.group(2).equals("beta") ? 1 : 0;
    }

    /** Compares decimal digit strings of any length, so that no version number can overflow. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=\\d)", "");
        String y = b.replaceFirst("^0+(?=\\d)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
