package io.wssgate.testing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.namespace.QName;

import org.w3c.dom.Document;

import io.wssgate.testing.TestKeys.Identity;

/**
 * Everything {@link MessageBuilder} collected, as plain data for {@link MessageSecurer}; keeping the
 * fluent API and the WSS4J calls in separate classes keeps each readable.
 */
final class MessagePlan {

    /** {@code created == null} means "now"; {@code ttlSeconds == 0} means no Expires element. */
    record TimestampSpec(Instant created, int ttlSeconds) {
    }

    record SignatureSpec(Identity identity, KeyIdType keyId, String signatureAlgorithm,
                         String digestAlgorithm, String c14nAlgorithm) {
    }

    /** {@code created == null} means "now". */
    record UsernameTokenSpec(String user, String password, MessageBuilder.PasswordType type, Instant created) {
    }

    record EncryptionSpec(X509Certificate recipient, KeyIdType keyId, String symmetricAlgorithm,
                          String keyTransportAlgorithm) {
    }

    final String soapNs;
    final String bodyXml;
    final List<String> extraHeaders = new ArrayList<>();
    TimestampSpec timestamp;
    SignatureSpec signature;
    boolean signBody = true;
    boolean signTimestamp = true;
    boolean signAssertion;
    final List<QName> signedHeaders = new ArrayList<>();
    SamlSpec saml;
    boolean holderOfKeyViaBst;
    boolean samlDirectReference;
    UsernameTokenSpec usernameToken;
    EncryptionSpec encryption;
    /** Recipient of the assertion as a saml2:EncryptedAssertion (made after signing), or null. */
    X509Certificate assertionRecipient;
    final List<QName> encryptedHeaders = new ArrayList<>();
    final List<Consumer<Document>> editsBeforeSigning = new ArrayList<>();

    MessagePlan(String soapNs, String bodyXml) {
        this.soapNs = soapNs;
        this.bodyXml = bodyXml;
    }
}
