package io.wssgate.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The signature on outbound messages: the key, how the key is referenced, the algorithms
 * (empty: RSA-SHA256 or ECDSA-SHA256 by key type, SHA-256, exclusive C14N) and the parts:
 * Body, Timestamp, the attached token, headers by QName, and every SwA attachment sent with the
 * message (Attachment-Content Signature Transform). SignatureConfirmation elements of a
 * response are always signed.
 */
public record OutboundSigning(KeySource key, KeyIdentifier keyIdentifier, Optional<String> signatureAlgorithm,
                              String digestAlgorithm, String canonicalization, boolean signBody,
                              boolean signTimestamp, boolean signToken, List<QName> signedHeaders,
                              boolean signAttachments) {
    public OutboundSigning {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyIdentifier, "keyIdentifier");
        signatureAlgorithm = signatureAlgorithm == null ? Optional.empty() : signatureAlgorithm;
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** Without signing attachments. */
    public OutboundSigning(KeySource key, KeyIdentifier keyIdentifier, Optional<String> signatureAlgorithm,
                           String digestAlgorithm, String canonicalization, boolean signBody, boolean signTimestamp,
                           boolean signToken, List<QName> signedHeaders) {
        this(key, keyIdentifier, signatureAlgorithm, digestAlgorithm, canonicalization, signBody, signTimestamp,
                signToken, signedHeaders, false);
    }

    /** Body and Timestamp signed with SHA-256 and exclusive C14N, the key named by a BinarySecurityToken. */
    public static OutboundSigning with(KeySource key) {
        return new OutboundSigning(key, KeyIdentifier.BST, Optional.empty(), AlgorithmPolicy.SHA256,
                AlgorithmPolicy.EXC_C14N, true, true, false, List.of());
    }
}
