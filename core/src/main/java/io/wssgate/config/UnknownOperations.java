package io.wssgate.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What a request whose operation matches none of a policy's {@code operations} gets:
 * {@link #REFUSE} (the default) refuses it; {@link #DEFAULT} applies the policy's own rules.
 */
public enum UnknownOperations {
    REFUSE("refuse"), DEFAULT("default");

    private final String key;

    UnknownOperations(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<UnknownOperations> fromKey(String text) {
        for (UnknownOperations u : values()) {
            if (u.key.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
