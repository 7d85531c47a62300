package io.wssgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which certificates may sign messages: trust anchors from PEM bundles and/or a keystore,
 * optional CRLs (revocation checking is on exactly when CRLs are given), and optional
 * regular expressions one of which the signing certificate's subject DN must match.
 */
public record TrustConfig(List<Path> certificates, Optional<KeyStoreConfig> keystore, List<Path> crls,
                          List<Pattern> subjectDnPatterns) {
    public TrustConfig {
        certificates = List.copyOf(certificates);
        keystore = keystore == null ? Optional.empty() : keystore;
        crls = List.copyOf(crls);
        subjectDnPatterns = List.copyOf(subjectDnPatterns);
    }

    public static TrustConfig none() {
        return new TrustConfig(List.of(), Optional.empty(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && keystore.isEmpty();
    }
}
