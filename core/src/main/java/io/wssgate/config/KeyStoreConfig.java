package io.wssgate.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** A PKCS12 or JKS keystore on disk. */
public record KeyStoreConfig(Path path, String type, Secret password) {
    public KeyStoreConfig {
        Objects.requireNonNull(path, "path");
        type = type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(password, "password");
    }
}
