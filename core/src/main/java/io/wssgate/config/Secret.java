package io.wssgate.config;

import java.util.Objects;

/**
 * A resolved secret (password). Its {@link #toString()} never reveals the value, so a secret
 * can travel through configuration objects and error messages without leaking.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    /** A copy of the secret characters; callers should clear it after use where practical. */
    public char[] chars() {
        return value.clone();
    }

    public String asString() {
        return new String(value);
    }

    @Override
    public String toString() {
        return "******";
    }
}
