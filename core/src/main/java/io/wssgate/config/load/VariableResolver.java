package io.wssgate.config.load;

import java.util.Optional;

/**
 * Looks up the value of a {@code ${NAME}} placeholder. Injected rather than read from the
 * process directly so tests and embedding frameworks (Spring's Environment) can supply values.
 */
@FunctionalInterface
public interface VariableResolver {

    Optional<String> lookup(String name);

    /** Environment variable first (the usual way secrets reach containers), then JVM system property. */
    static VariableResolver system() {
        return name -> {
            String env = System.getenv(name);
            return env != null ? Optional.of(env) : Optional.ofNullable(System.getProperty(name));
        };
    }
}
