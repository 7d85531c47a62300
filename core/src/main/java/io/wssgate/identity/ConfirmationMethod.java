package io.wssgate.identity;

import java.util.Locale;
import java.util.Optional;

/** SAML subject confirmation methods, by their configuration name. */
public enum ConfirmationMethod {
    HOLDER_OF_KEY("holder-of-key"),
    SENDER_VOUCHES("sender-vouches"),
    BEARER("bearer");

    private final String key;

    ConfirmationMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ConfirmationMethod> fromKey(String key) {
        for (ConfirmationMethod m : values()) {
            if (m.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** From a SAML 1.1 or 2.0 confirmation method URI. */
    public static Optional<ConfirmationMethod> fromUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        if (uri.endsWith(":holder-of-key")) {
            return Optional.of(HOLDER_OF_KEY);
        }
        if (uri.endsWith(":sender-vouches")) {
            return Optional.of(SENDER_VOUCHES);
        }
        if (uri.endsWith(":bearer")) {
            return Optional.of(BEARER);
        }
        return Optional.empty();
    }
}
