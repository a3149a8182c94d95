package kmock.internal.k8s.discovery;

import java.util.List;
import java.util.Map;

import kmock.api.Response;

/**
 * The API server's health endpoints, {@code /healthz}, {@code /livez} and {@code /readyz}: {@code ok}, or with
 * {@code ?verbose} one line per check and a summary; {@code /livez/ping} and the like answer one check. Every check
 * passes: an emulator that answers is healthy.
 */
public final class HealthChecks {

    private static final Map<String, List<String>> CHECKS = Map.of(
            "healthz", List.of("ping", "log", "etcd"),
            "livez", List.of("ping", "log", "etcd"),
            "readyz", List.of("ping", "log", "etcd", "informer-sync", "shutdown"));

    private HealthChecks() {}

    /** The answer for a path, or {@code null} when it is not a health endpoint. */
    public static Response reply(String path, Map<String, String> params) {
        String[] parts = path.substring(1).split("/");
        List<String> checks = CHECKS.get(parts[0]);
        if (checks == null || parts.length > 2) {
            return null;
        }
        if (parts.length == 2) {
            return checks.contains(parts[1])
                    ? text(200, "ok")
                    : text(
                            404,
                            "no such health check \"" + parts[1] + "\": the checks are " + String.join(", ", checks)
                                    + "\n");
        }
        if (!params.containsKey("verbose")) {
            return text(200, "ok");
        }
        StringBuilder report = new StringBuilder();
        for (String check : checks) {
            report.append("[+]").append(check).append(" ok\n");
        }
        report.append(parts[0]).append(" check passed\n");
        return text(200, report.toString());
    }

    private static Response text(int status, String body) {
        return Response.builder()
                .status(status)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .body(body)
                .build();
    }
}
