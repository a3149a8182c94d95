package kmock.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Flags of one command: {@code --name value}, {@code --name=value}, short aliases, repeatable flags and switches.
 * Unknown flags and missing values are {@link UsageException}s.
 */
public final class Arguments {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> ordered = new ArrayList<>();

    private Arguments() {}

    /**
     * Parses arguments against the flags a command knows.
     *
     * @param args     the arguments after the command words
     * @param withValue flags that take a value (long names, without dashes)
     * @param switches  flags that take none
     * @param aliases   short names to long names, e.g. {@code o -> output}
     */
    public static Arguments parse(
            List<String> args, Set<String> withValue, Set<String> switches, Map<String, String> aliases)
            throws UsageException {
        return parse(args, withValue, switches, Set.of(), aliases);
    }

    /**
     * Parses arguments as {@link #parse(List, Set, Set, Map)} does, with flags whose value is optional: given as
     * {@code --name=value} or as the next argument unless that is a flag, else {@code ""}.
     *
     * @param optional flags that take a value or none
     */
    public static Arguments parse(
            List<String> args,
            Set<String> withValue,
            Set<String> switches,
            Set<String> optional,
            Map<String, String> aliases)
            throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name;
            String value = null;
            if (arg.startsWith("--")) {
                name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
            } else if (arg.startsWith("-") && arg.length() == 2) {
                name = aliases.get(arg.substring(1));
                if (name == null) {
                    throw new UsageException("unknown flag " + arg + "; the short flags are " + shortFlags(aliases));
                }
            } else {
                throw new UsageException("unexpected argument '" + arg
                        + "': give values after their flag, as --name VALUE or --name=VALUE");
            }
            if (optional.contains(name)) {
                if (value == null) {
                    boolean next = i + 1 < args.size() && !args.get(i + 1).startsWith("-");
                    value = next ? args.get(++i) : "";
                }
            } else if (switches.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value: give it alone, as --" + name);
                }
                value = "true";
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()
                            || (args.get(i + 1).startsWith("-")
                                    && args.get(i + 1).length() > 1)) {
                        throw new UsageException(
                                "--" + name + " needs a value: --" + name + " VALUE or --" + name + "=VALUE");
                    }
                    value = args.get(++i);
                }
            } else {
                throw new UsageException(
                        "unknown flag --" + name + "; this command takes " + longFlags(withValue, switches, optional));
            }
            parsed.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            parsed.ordered.add(name + "=" + value);
        }
        return parsed;
    }

    private static String longFlags(Set<String> withValue, Set<String> switches, Set<String> optional) {
        Set<String> names = new TreeSet<>(withValue);
        names.addAll(switches);
        names.addAll(optional);
        return names.stream().map(name -> "--" + name).collect(Collectors.joining(", "));
    }

    private static String shortFlags(Map<String, String> aliases) {
        if (aliases.isEmpty()) {
            return "none: give the long name, as --name";
        }
        return new TreeMap<>(aliases)
                .entrySet().stream()
                        .map(alias -> "-" + alias.getKey() + " (--" + alias.getValue() + ")")
                        .collect(Collectors.joining(", "));
    }

    /** The last value of a flag, or a default. */
    public String get(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.get(list.size() - 1);
    }

    /** Every value of a repeatable flag, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Whether a switch or flag was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Every flag as {@code name=value}, in the order given (for order-sensitive rules). */
    public List<String> ordered() {
        return ordered;
    }

    /** A flag's value as a port number. */
    public int port(String name, int fallback) throws UsageException {
        String text = get(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--" + name + " must be a port number 0..65535 (0 picks a free one), got '" + text + "'");
        }
    }
}
