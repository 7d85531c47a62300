package io.wssgate.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is unusable; carries every problem found, each with its key path. */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public ConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return "Invalid WSS Gate configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):" + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
