package kmock.internal.k8s.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printers of role bindings and cluster role bindings. Roles and cluster roles have no printer of their own in
 * the API server: they print with the default NAME and CREATED AT.
 */
final class AccessPrinters {

    private AccessPrinters() {}

    /** Adds the printers, keyed by {@code group/plural}. */
    static void register(Map<String, RowPrinter> printers) {
        printers.put("rbac.authorization.k8s.io/rolebindings", bindings("role binding"));
        printers.put("rbac.authorization.k8s.io/clusterrolebindings", bindings("cluster role binding"));
    }

    private static RowPrinter bindings(String what) {
        return RowPrinter.of(
                List.of(
                        Column.NAME,
                        Column.text("Role", "The role the " + what + " grants, as Kind/name."),
                        Column.AGE,
                        Column.text("Users", "The users it binds.").wide(),
                        Column.text("Groups", "The groups it binds.").wide(),
                        Column.text("ServiceAccounts", "The service accounts it binds, as namespace/name.")
                                .wide()),
                (object, now) -> {
                    List<String> users = new ArrayList<>();
                    List<String> groups = new ArrayList<>();
                    List<String> accounts = new ArrayList<>();
                    for (Fields subject : object.list("subjects")) {
                        switch (subject.text("kind")) {
                            case "User" -> users.add(subject.text("name"));
                            case "Group" -> groups.add(subject.text("name"));
                            case "ServiceAccount" ->
                                accounts.add(subject.text("namespace") + "/" + subject.text("name"));
                            default -> {}
                        }
                    }
                    return List.of(
                            object.name(),
                            object.text("roleRef", "kind") + "/" + object.text("roleRef", "name"),
                            Formats.since(object.created(), now),
                            String.join(", ", users),
                            String.join(", ", groups),
                            String.join(", ", accounts));
                });
    }
}
