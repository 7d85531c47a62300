package io.wssgate.testing;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import javax.xml.namespace.QName;

import org.w3c.dom.Document;

import io.wssgate.testing.MessagePlan.EncryptionSpec;
import io.wssgate.testing.MessagePlan.SignatureSpec;
import io.wssgate.testing.MessagePlan.TimestampSpec;
import io.wssgate.testing.MessagePlan.UsernameTokenSpec;
import io.wssgate.testing.TestKeys.Identity;

/**
 * Fluent description of a WS-Security message; start with {@link TestMessages#soap11(String)} or
 * {@link TestMessages#soap12(String)}. Nothing is computed before {@link #build()}, and each
 * {@code build()} produces a fresh message (new IDs, nonces, timestamps).
 *
 * <p>The signature covers the Body and the Timestamp (when present) unless told otherwise, plus any
 * {@link #signHeader(QName) headers} and, on request, the SAML assertion. Algorithms default to
 * RSA-SHA256 (ECDSA-SHA256 for EC keys), SHA-256 digests and exclusive C14N.
 *
 * <p>How {@link #saml(SamlSpec)} enters the message depends on its confirmation method:
 * <ul>
 * <li>holder-of-key: the assertion is in the header and the message is signed with the key of the
 * {@link SamlSpec#holderOfKey(Identity) subject} (or of {@link #signWith} if given, to build
 * "wrong key" cases); the signature's KeyInfo is a SecurityTokenReference to the assertion, or a
 * BinarySecurityToken with {@link #holderOfKeyViaBst()};</li>
 * <li>sender-vouches: {@link #signWith} is required; the sender signs Body, Timestamp and the
 * assertion (through an STR-Transform reference);</li>
 * <li>bearer: the assertion is just added; the message is signed only if {@link #signWith} is set.</li>
 * </ul>
 */
public final class MessageBuilder {

    /** How a UsernameToken carries the password. */
    public enum PasswordType { TEXT, DIGEST }

    private final MessagePlan plan;

    MessageBuilder(String soapNs, String bodyXml) {
        this.plan = new MessagePlan(soapNs, Objects.requireNonNull(bodyXml, "bodyXml"));
    }

    /** Timestamp created now, expiring after {@code ttl}. */
    public MessageBuilder timestamp(Duration ttl) {
        plan.timestamp = new TimestampSpec(null, ttlSeconds(ttl));
        return this;
    }

    /** Timestamp with a chosen Created (past or future) and {@code ttl} after it; zero ttl: no Expires. */
    public MessageBuilder timestamp(Instant created, Duration ttl) {
        plan.timestamp = new TimestampSpec(Objects.requireNonNull(created, "created"), ttlSeconds(ttl));
        return this;
    }

    /** Timestamp created now without an Expires element. */
    public MessageBuilder timestampWithoutExpires() {
        plan.timestamp = new TimestampSpec(null, 0);
        return this;
    }

    public MessageBuilder signWith(Identity identity, KeyIdType keyId) {
        return signWith(identity, keyId, null, null, null);
    }

    /** Null algorithm arguments keep the defaults. */
    public MessageBuilder signWith(Identity identity, KeyIdType keyId, String signatureAlgorithm,
                                   String digestAlgorithm, String c14nAlgorithm) {
        plan.signature = new SignatureSpec(Objects.requireNonNull(identity, "identity"),
                Objects.requireNonNull(keyId, "keyId"), signatureAlgorithm, digestAlgorithm, c14nAlgorithm);
        return this;
    }

    /** Also sign this header element (e.g. one added with {@link #header(String)}); it must exist. */
    public MessageBuilder signHeader(QName element) {
        plan.signedHeaders.add(Objects.requireNonNull(element, "element"));
        return this;
    }

    /** Whether the signature references the Body (default true), e.g. false for "Body unsigned" tests. */
    public MessageBuilder signBody(boolean sign) {
        plan.signBody = sign;
        return this;
    }

    /** Whether the signature references the Timestamp when there is one (default true). */
    public MessageBuilder signTimestamp(boolean sign) {
        plan.signTimestamp = sign;
        return this;
    }

    /**
     * Also reference the SAML assertion (by its ID) from the message signature. Sender-vouches
     * always covers the assertion, via an STR-Transform, and needs no call.
     */
    public MessageBuilder signSamlAssertion() {
        plan.signAssertion = true;
        return this;
    }

    public MessageBuilder saml(SamlSpec spec) {
        plan.saml = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** Holder-of-key proof signature with the subject certificate in a BST instead of an STR to the assertion. */
    public MessageBuilder holderOfKeyViaBst() {
        plan.holderOfKeyViaBst = true;
        return this;
    }

    /**
     * The SecurityTokenReference to the SAML assertion (holder-of-key signature KeyInfo, the
     * sender-vouches STR) as a direct reference ({@code wsse:Reference URI="#ID"}) instead of a
     * SAML key identifier.
     */
    public MessageBuilder samlDirectReference() {
        plan.samlDirectReference = true;
        return this;
    }

    /** UsernameToken with Nonce and Created. */
    public MessageBuilder usernameToken(String user, String password, PasswordType type) {
        plan.usernameToken = new UsernameTokenSpec(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password"), Objects.requireNonNull(type, "type"), null);
        return this;
    }

    /** UsernameToken with Nonce and a Created of {@code created} (a message made at another time). */
    public MessageBuilder usernameToken(String user, String password, PasswordType type, Instant created) {
        plan.usernameToken = new UsernameTokenSpec(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password"), Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(created, "created"));
        return this;
    }

    /**
     * Encrypt the Body content for {@code recipient} after signing (the signature covers the
     * plaintext): AES-256-GCM content, RSA-OAEP (MGF1, SHA-1) key transport, recipient named by
     * issuer and serial.
     */
    public MessageBuilder encryptBodyFor(X509Certificate recipient) {
        return encryptBodyFor(recipient, KeyIdType.ISSUER_SERIAL, null, null);
    }

    /** Null algorithm arguments keep the defaults. */
    public MessageBuilder encryptBodyFor(X509Certificate recipient, KeyIdType keyId, String symmetricAlgorithm,
                                         String keyTransportAlgorithm) {
        plan.encryption = new EncryptionSpec(Objects.requireNonNull(recipient, "recipient"),
                Objects.requireNonNull(keyId, "keyId"), symmetricAlgorithm, keyTransportAlgorithm);
        return this;
    }

    /**
     * After signing, replace the SAML 2.0 assertion in the header by a saml2:EncryptedAssertion
     * for {@code recipient}, made by OpenSAML's encrypter ({@link SamlEncryption}). The message
     * signature is made over the plaintext assertion first (keyed by it for holder-of-key, through
     * an STR-Transform for sender-vouches), as an STS-issued encrypted token is used.
     */
    public MessageBuilder encryptAssertionFor(X509Certificate recipient) {
        plan.assertionRecipient = Objects.requireNonNull(recipient, "recipient");
        return this;
    }

    /**
     * With {@link #encryptBodyFor}: also encrypt the header block {@code header} (an extra
     * header) with the same key, as a wsse11:EncryptedHeader.
     */
    public MessageBuilder encryptHeader(QName header) {
        plan.encryptedHeaders.add(Objects.requireNonNull(header, "header"));
        return this;
    }

    /** An extra SOAP header element (well-formed XML with its own namespace declarations). */
    public MessageBuilder header(String xml) {
        plan.extraHeaders.add(Objects.requireNonNull(xml, "xml"));
        return this;
    }

    /**
     * A DOM edit applied after the Timestamp and UsernameToken are in place but before anything
     * is signed or encrypted, so the signature covers the edited form: for messages a real,
     * trusted sender could have produced that are still wrong (two Created elements, Expires
     * before Created, a UsernameToken without Password).
     */
    public MessageBuilder beforeSigning(Consumer<Document> edit) {
        plan.editsBeforeSigning.add(Objects.requireNonNull(edit, "edit"));
        return this;
    }

    /** The secured message as UTF-8 bytes, with XML declaration, ready to POST. */
    public byte[] build() {
        return SoapXml.serialize(buildDocument());
    }

    public String buildString() {
        return new String(build(), StandardCharsets.UTF_8);
    }

    /** The secured message as a live DOM (e.g. to hand straight to WSSecurityEngine). */
    public Document buildDocument() {
        return new MessageSecurer(plan).secure();
    }

    private static int ttlSeconds(Duration ttl) {
        long seconds = Objects.requireNonNull(ttl, "ttl").getSeconds();
        if (seconds < 0 || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ttl out of range: " + ttl);
        }
        return (int) seconds;
    }
}
