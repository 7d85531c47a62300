package io.wssgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Encryption of outbound parts (Body content, headers by QName) to a recipient certificate;
 * with {@code encryptAssertion}, the SAML 2.0 assertion of the outbound token travels as a
 * saml2:EncryptedAssertion for the same recipient; with {@code encryptAttachments}, every SwA
 * attachment sent with the message is encrypted (Attachment-Content-Only).
 */
public record OutboundEncryption(Path recipientCertificate, KeyIdentifier keyIdentifier, String dataAlgorithm,
                                 String keyTransportAlgorithm, boolean encryptBody, List<QName> encryptedHeaders,
                                 boolean encryptAssertion, boolean encryptAttachments) {
    public OutboundEncryption {
        Objects.requireNonNull(recipientCertificate, "recipientCertificate");
        encryptedHeaders = List.copyOf(encryptedHeaders);
    }

    /** Without encrypting attachments. */
    public OutboundEncryption(Path recipientCertificate, KeyIdentifier keyIdentifier, String dataAlgorithm,
                              String keyTransportAlgorithm, boolean encryptBody, List<QName> encryptedHeaders,
                              boolean encryptAssertion) {
        this(recipientCertificate, keyIdentifier, dataAlgorithm, keyTransportAlgorithm, encryptBody, encryptedHeaders,
                encryptAssertion, false);
    }

    /** Body and headers only; the assertion travels in clear. */
    public OutboundEncryption(Path recipientCertificate, KeyIdentifier keyIdentifier, String dataAlgorithm,
                              String keyTransportAlgorithm, boolean encryptBody, List<QName> encryptedHeaders) {
        this(recipientCertificate, keyIdentifier, dataAlgorithm, keyTransportAlgorithm, encryptBody, encryptedHeaders,
                false);
    }

    /** The same settings, encrypting the outbound assertion or not. */
    public OutboundEncryption withEncryptedAssertion(boolean encrypt) {
        return new OutboundEncryption(recipientCertificate, keyIdentifier, dataAlgorithm, keyTransportAlgorithm,
                encryptBody, encryptedHeaders, encrypt, encryptAttachments);
    }

    /** The same settings, encrypting the SwA attachments sent or not. */
    public OutboundEncryption withEncryptedAttachments(boolean encrypt) {
        return new OutboundEncryption(recipientCertificate, keyIdentifier, dataAlgorithm, keyTransportAlgorithm,
                encryptBody, encryptedHeaders, encryptAssertion, encrypt);
    }

    /** The Body, AES-256-GCM with RSA-OAEP, recipient named by issuer and serial. */
    public static OutboundEncryption to(Path recipientCertificate) {
        return new OutboundEncryption(recipientCertificate, KeyIdentifier.ISSUER_SERIAL, DecryptionPolicy.AES256_GCM,
                DecryptionPolicy.RSA_OAEP, true, List.of());
    }
}
