package io.wssgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which certificates may sign messages: trust anchors from PEM bundles and/or a keystore,
 * revocation checking (OCSP and/or CRLs; without OCSP, revocation is checked exactly when CRLs
 * are given), and optional regular expressions one of which the signing certificate's subject
 * DN must match.
 */
public record TrustConfig(List<Path> certificates, Optional<KeyStoreConfig> keystore, List<Path> crls,
                          List<Pattern> subjectDnPatterns, RevocationPolicy revocation) {
    public TrustConfig {
        certificates = List.copyOf(certificates);
        keystore = keystore == null ? Optional.empty() : keystore;
        crls = List.copyOf(crls);
        subjectDnPatterns = List.copyOf(subjectDnPatterns);
        Objects.requireNonNull(revocation, "revocation");
    }

    /** Trust without OCSP: revocation is checked against the CRLs, when given. */
    public TrustConfig(List<Path> certificates, Optional<KeyStoreConfig> keystore, List<Path> crls,
                       List<Pattern> subjectDnPatterns) {
        this(certificates, keystore, crls, subjectDnPatterns, RevocationPolicy.crlsOnly());
    }

    public static TrustConfig none() {
        return new TrustConfig(List.of(), Optional.empty(), List.of(), List.of());
    }

    /** The same trust, with revocation checked as {@code value} says. */
    public TrustConfig withRevocation(RevocationPolicy value) {
        return new TrustConfig(certificates, keystore, crls, subjectDnPatterns, value);
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && keystore.isEmpty();
    }
}
