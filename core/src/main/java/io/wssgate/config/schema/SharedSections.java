package io.wssgate.config.schema;

import static io.wssgate.config.schema.Define.FILE;
import static io.wssgate.config.schema.Define.SECRET;
import static io.wssgate.config.schema.Define.TEXT;
import static io.wssgate.config.schema.Define.choice;
import static io.wssgate.config.schema.Define.key;
import static io.wssgate.config.schema.Define.oneOf;
import static io.wssgate.config.schema.Define.section;

import io.wssgate.config.schema.KeyType.Section;

/** Sections that several keys share: a keystore, a private key with its certificate, STS credentials. */
final class SharedSections {
    /**
     * {@code {path, type, password | password-file}}: trust.keystore and a key's keystore; for a
     * PKCS#11 token {@code {type: PKCS11, provider-config, pin | pin-file | password | password-file}}.
     */
    static final Section KEYSTORE = section("Keystore", "A PKCS#12 or JKS keystore file, or a PKCS#11 token (HSM).",
            key("path", FILE, "The keystore file.").defaultNote("required, except for PKCS11"),
            key("type", oneOf(choice("PKCS12", "PKCS#12"), choice("JKS", "Java keystore"),
                    choice("PKCS11", "a PKCS#11 token through SunPKCS11 (provider-config); keys never leave it")),
                    "The keystore format (either case).").defaultNote("from the file's content"),
            key("provider-config", FILE, "For PKCS11: the SunPKCS11 configuration file naming the token's library and slot.")
                    .defaultNote("required with PKCS11"),
            key("password", SECRET, "The keystore password, usually ${VAR}; for PKCS11 the token's user PIN.")
                    .defaultNote("required, or password-file (PKCS11: or pin, pin-file)"),
            key("password-file", FILE, "A file holding the keystore password (or PIN) instead (a trailing newline is ignored)."),
            key("pin", SECRET, "For PKCS11: the token's user PIN, usually ${VAR} (the same as password)."),
            key("pin-file", FILE, "For PKCS11: a file holding the PIN instead (a trailing newline is ignored)."));

    /**
     * A private key with its certificate: keystore + alias (+ key-password), or a PEM pair
     * private-key + certificate (+ password). Used by decryption.key and every outbound key.
     */
    static final Section KEY = section("Key",
            "A private key with its certificate: keystore and alias, or a PEM pair private-key and certificate.",
            key("keystore", KEYSTORE, "The keystore holding the key entry."),
            key("alias", TEXT, "Alias of the key entry in the keystore.").defaultNote("required with keystore"),
            key("key-password", SECRET, "Password of the key entry.").defaultNote("the keystore password"),
            key("key-password-file", FILE, "A file holding the key entry's password instead."),
            key("private-key", FILE, "PEM private key file (PKCS#8, optionally encrypted).")
                    .defaultNote("required with certificate"),
            key("certificate", FILE, "PEM certificate file matching private-key.")
                    .defaultNote("required with private-key"),
            key("password", SECRET, "Password of an encrypted PEM private key."),
            key("password-file", FILE, "A file holding the PEM key's password instead."));

    /** How WSS Gate authenticates to an STS: a UsernameToken, or an X.509 signature with {@code key}. */
    static final Section STS_AUTHENTICATION = section("StsAuthentication",
            "How WSS Gate authenticates to the STS: username and password, or an X.509 signature with key.",
            key("username", TEXT, "UsernameToken user name."),
            key("password", SECRET, "UsernameToken password, usually ${VAR}.")
                    .defaultNote("required with username, or password-file"),
            key("password-file", FILE, "A file holding the password instead."),
            key("password-type", oneOf(choice("digest", "PasswordDigest"), choice("text", "PasswordText")),
                    "How the password is sent.").byDefault("digest"),
            key("key", KEY, "Sign the request with this key instead of sending a UsernameToken."));

    private SharedSections() {
    }
}
