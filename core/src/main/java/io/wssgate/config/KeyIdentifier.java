package io.wssgate.config;

import java.util.Locale;
import java.util.Optional;

/** How an outbound signature or encryption names its certificate. */
public enum KeyIdentifier {
    BST("bst"), ISSUER_SERIAL("issuer-serial"), SKI("ski"), THUMBPRINT("thumbprint");

    private final String key;

    KeyIdentifier(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<KeyIdentifier> fromKey(String text) {
        for (KeyIdentifier k : values()) {
            if (k.key.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
