package io.wssgate.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A keystore: a PKCS12 or JKS file, or a PKCS#11 token (an HSM). For a token, {@code path} is the
 * SunPKCS11 provider configuration file that names the token's library and slot, and
 * {@code password} is the token's user PIN; the token's private keys never leave it.
 * {@code passwordKey} is the configuration key the password was given under ({@value #PASSWORD},
 * or {@value #PIN} for a token), so that a refused password or PIN is reported where it was set.
 */
public record KeyStoreConfig(Path path, String type, Secret password, String passwordKey) {
    /** The type of a PKCS#11 token. */
    public static final String PKCS11 = "PKCS11";
    public static final String PASSWORD = "password";
    public static final String PIN = "pin";

    public KeyStoreConfig {
        Objects.requireNonNull(path, "path");
        type = type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(password, "password");
        passwordKey = passwordKey == null ? PASSWORD : passwordKey;
    }

    /** A keystore whose password is given as {@code password}. */
    public KeyStoreConfig(Path path, String type, Secret password) {
        this(path, type, password, PASSWORD);
    }

    /** The token configured by a SunPKCS11 configuration file, logged in to with {@code pin}. */
    public static KeyStoreConfig pkcs11(Path providerConfig, Secret pin) {
        return new KeyStoreConfig(providerConfig, PKCS11, pin, PIN);
    }

    /** Whether this is a PKCS#11 token rather than a keystore file. */
    public boolean token() {
        return PKCS11.equals(type);
    }

    /** How messages name it: the file, or the token by its provider configuration. */
    public String describe() {
        return token() ? "the PKCS#11 token of " + path : path.toString();
    }
}
