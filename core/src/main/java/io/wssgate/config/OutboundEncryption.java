package io.wssgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/** Encryption of outbound parts (Body content, headers by QName) to a recipient certificate. */
public record OutboundEncryption(Path recipientCertificate, KeyIdentifier keyIdentifier, String dataAlgorithm,
                                 String keyTransportAlgorithm, boolean encryptBody, List<QName> encryptedHeaders) {
    public OutboundEncryption {
        Objects.requireNonNull(recipientCertificate, "recipientCertificate");
        encryptedHeaders = List.copyOf(encryptedHeaders);
    }

    /** The Body, AES-256-GCM with RSA-OAEP, recipient named by issuer and serial. */
    public static OutboundEncryption to(Path recipientCertificate) {
        return new OutboundEncryption(recipientCertificate, KeyIdentifier.ISSUER_SERIAL, DecryptionPolicy.AES256_GCM,
                DecryptionPolicy.RSA_OAEP, true, List.of());
    }
}
