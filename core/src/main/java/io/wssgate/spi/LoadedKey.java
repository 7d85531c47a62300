package io.wssgate.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A private key with the certificate that publishes its public key. */
public record LoadedKey(PrivateKey privateKey, X509Certificate certificate) {
    public LoadedKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Never prints key material, whatever the provider's own toString does. */
    @Override
    public String toString() {
        return "LoadedKey[" + privateKey.getAlgorithm() + " key for '"
                + certificate.getSubjectX500Principal().getName() + "']";
    }
}
