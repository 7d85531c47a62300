package io.wssgate.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where a private key and its certificate come from. */
public sealed interface KeySource {

    /** An entry of a PKCS12 or JKS keystore; the key password defaults to the store password. */
    record KeyStoreEntry(KeyStoreConfig keystore, String alias, Optional<Secret> keyPassword) implements KeySource {
        public KeyStoreEntry {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(alias, "alias");
            keyPassword = keyPassword == null ? Optional.empty() : keyPassword;
        }
    }

    /** A PEM PKCS#8 private key (optionally encrypted) with its PEM certificate. */
    record PemKeyPair(Path privateKey, Path certificate, Optional<Secret> password) implements KeySource {
        public PemKeyPair {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(certificate, "certificate");
            password = password == null ? Optional.empty() : password;
        }
    }
}
