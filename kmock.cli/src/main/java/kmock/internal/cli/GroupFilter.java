package kmock.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which API groups and versions {@code fetch resources} keeps: {@code --include} and {@code --exclude} globs
 * ({@code *} and {@code ?}) over {@code group} or {@code group/version}, applied left to right, the last matching
 * rule deciding. Without any {@code --include}, the defaults are included first: core, apps, autoscaling, batch,
 * policy and {@code *.k8s.io}. The core group is named {@code core}.
 */
public final class GroupFilter {

    /** The groups kept when no {@code --include} is given. */
    public static final List<String> DEFAULTS = List.of("core", "apps", "autoscaling", "batch", "policy", "*.k8s.io");

    private record Rule(boolean include, Pattern glob) {}

    private final List<Rule> rules;

    private GroupFilter(List<Rule> rules) {
        this.rules = rules;
    }

    /** A filter from flags in command-line order, each {@code include=GLOB} or {@code exclude=GLOB}. */
    public static GroupFilter of(List<String> orderedFlags) {
        List<Rule> rules = new ArrayList<>();
        boolean anyInclude = orderedFlags.stream().anyMatch(flag -> flag.startsWith("include="));
        if (!anyInclude) {
            DEFAULTS.forEach(glob -> rules.add(new Rule(true, glob(glob))));
        }
        for (String flag : orderedFlags) {
            if (flag.startsWith("include=")) {
                rules.add(new Rule(true, glob(flag.substring("include=".length()))));
            } else if (flag.startsWith("exclude=")) {
                rules.add(new Rule(false, glob(flag.substring("exclude=".length()))));
            }
        }
        return new GroupFilter(rules);
    }

    /** Whether a group ({@code ""} for core) at a version is kept. */
    public boolean keeps(String group, String version) {
        String name = group.isEmpty() ? "core" : group;
        boolean kept = false;
        for (Rule rule : rules) {
            if (rule.glob.matcher(name).matches()
                    || rule.glob.matcher(name + "/" + version).matches()) {
                kept = rule.include;
            }
        }
        return kept;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.trim().toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
