package io.wssgate.keys;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PLACEHOLDER until the key loader lands. */
public record PolicyKeys(List<X509Certificate> trustAnchors, List<X509CRL> crls,
                         Map<String, List<X509Certificate>> samlIssuers, Optional<LoadedKey> decryptionKey) {
    public static PolicyKeys load(PolicyConfig policy, Problems problems) {
        throw new UnsupportedOperationException("pending");
    }
}
