package io.wssgate.addressing;

import java.util.Locale;
import java.util.Optional;

/**
 * The WS-Addressing versions WSS Gate reads and writes: the W3C Recommendation (WS-Addressing
 * 1.0, SOAP binding) and the 2004/08 member submission still sent by older stacks.
 */
public enum AddressingVersion {
    W3C_1_0("1.0", "http://www.w3.org/2005/08/addressing", "http://www.w3.org/2005/08/addressing/anonymous"),
    SUBMISSION_2004_08("2004-08", "http://schemas.xmlsoap.org/ws/2004/08/addressing",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous");

    private final String key;
    private final String namespace;
    private final String anonymous;

    AddressingVersion(String key, String namespace, String anonymous) {
        this.key = key;
        this.namespace = namespace;
        this.anonymous = anonymous;
    }

    /** The configuration value, {@code 1.0} or {@code 2004-08}. */
    public String key() {
        return key;
    }

    /** The namespace of the version's header blocks. */
    public String namespace() {
        return namespace;
    }

    /** The version's anonymous address (reply on the back channel). */
    public String anonymous() {
        return anonymous;
    }

    public static Optional<AddressingVersion> fromKey(String text) {
        for (AddressingVersion v : values()) {
            if (v.key.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public static Optional<AddressingVersion> fromNamespace(String namespace) {
        for (AddressingVersion v : values()) {
            if (v.namespace.equals(namespace)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
