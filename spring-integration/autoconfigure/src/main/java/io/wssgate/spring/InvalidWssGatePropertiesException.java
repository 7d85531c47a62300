package io.wssgate.spring;

import io.wssgate.config.ConfigurationException;
import java.util.Map;

/**
 * The {@code wssgate.*} properties are unusable. Wraps the core's {@link ConfigurationException}
 * and remembers where each property came from, so the failure analyzer can name every problem
 * by its property ({@code wssgate.} + the core's key path) and origin.
 */
public class InvalidWssGatePropertiesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> origins;

    public InvalidWssGatePropertiesException(ConfigurationException cause, Map<String, String> origins) {
        super("Invalid wssgate.* properties", cause);
        this.origins = Map.copyOf(origins);
    }

    @Override
    public synchronized ConfigurationException getCause() {
        return (ConfigurationException) super.getCause();
    }

    /** Where the property behind a core key path was set (file and line), if known. */
    public Map<String, String> origins() {
        return origins;
    }
}
