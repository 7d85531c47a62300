package io.wssgate.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so start-up can report all of them at once. Not thread-safe; one per load. */
public final class Problems {
    private final List<ConfigProblem> list = new ArrayList<>();

    public void add(String keyPath, String message) {
        list.add(new ConfigProblem(keyPath, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<ConfigProblem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ConfigurationException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigurationException(list);
        }
    }
}
