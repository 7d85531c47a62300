package io.wssgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A SAML issuer: the exact Issuer value and the certificates (PEM) it signs assertions with. */
public record TrustedIssuer(String name, List<Path> certificates) {
    public TrustedIssuer {
        Objects.requireNonNull(name, "name");
        certificates = List.copyOf(certificates);
    }
}
