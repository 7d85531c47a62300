package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.IssuedToken;
import io.wssgate.spi.TokenSupplier;
import io.wssgate.keys.KeyCrypto;
import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.OutboundEncryption;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundSigning;
import io.wssgate.config.OutboundToken;
import io.wssgate.keys.OutboundKeys;
import io.wssgate.sts.StsClient;
import io.wssgate.sts.StsTokenSupplier;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSAMLToken;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecSignatureConfirmation;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.saml.WSSecSignatureSAML;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Secures one policy's outbound messages in place, in the order a receiver needs them:
 * WS-Addressing headers, Timestamp, SignatureConfirmation, the token, the signature over the
 * declared parts and every addressing header, then encryption (sign-then-encrypt, so the
 * signature covers the plaintext). Built once at
 * start-up; thread-safe.
 */
public final class OutboundSecurer {
    private final OutboundPolicy policy;
    private final Optional<KeyCrypto> signingKey;
    private final Optional<SamlIssuer> samlIssuer;
    private final Optional<X509Certificate> recipient;
    private final Optional<TokenSupplier> stsTokens;
    private final Optional<AssertionEncrypter> assertionEncrypter;

    public OutboundSecurer(OutboundPolicy policy, OutboundKeys keys, Clock clock) {
        WSSConfig.init();
        this.policy = policy;
        this.signingKey = keys.signingKey().map(KeyCrypto::new);
        this.samlIssuer = policy.token().filter(OutboundToken.SelfIssued.class::isInstance)
                .map(t -> new SamlIssuer(((OutboundToken.SelfIssued) t).saml(),
                        new KeyCrypto(keys.samlIssuerKey().orElseThrow()), clock));
        this.recipient = keys.encryptionRecipient();
        this.stsTokens = policy.token().filter(OutboundToken.FromSts.class::isInstance)
                .map(t -> ((OutboundToken.FromSts) t).sts())
                .map(sts -> new StsTokenSupplier(sts, new StsClient(sts.endpoint(), sts.authentication(),
                        keys.stsAuthenticationKey(), sts.timeout()), keys.signingKey(), clock));
        this.assertionEncrypter = policy.encryption().filter(OutboundEncryption::encryptAssertion)
                .map(e -> new AssertionEncrypter(e, recipient.orElseThrow()));
    }

    public SecuredMessage secure(Document soap, OutboundContext context) throws OutboundSecurityException {
        if (!policy.enabled()) {
            return new SecuredMessage(soap, List.of());
        }
        try {
            // addressing headers first: the signature below covers them with the Body
            Optional<String> messageId = AddressingWriter.write(soap, context.addressing());
            WSSecHeader header = new WSSecHeader(soap);
            header.insertSecurityHeader();
            List<WSEncryptionPart> signedExtras = new ArrayList<>(AddressingWriter.partsToSign(soap));
            policy.timestamp().ifPresent(ttl -> timestamp(header, ttl.toSeconds()));
            if (policy.signatureConfirmation() && context.response()) {
                confirmSignatures(header, context.signaturesToConfirm(), signedExtras);
            }
            Optional<Attached> token = token(context);
            List<byte[]> signatureValues = sign(header, soap, token, signedExtras, context);
            if (assertionEncrypter.isPresent()) {
                encryptAssertion(header, token);
            }
            List<io.wssgate.spi.OutboundAttachment> encrypted = List.of();
            if (policy.encryption().isPresent() && !XopSigning.xopParts(soap, context.attachments()).isEmpty()) {
                // WSS4J would encrypt the xop:Include, not its attachment, which would go out in the clear;
                // encrypting the optimised content itself would need the whole attachment in memory
                throw new OutboundSecurityException("outbound.encryption: an MTOM message (xop:Include content) "
                        + "cannot be encrypted; send it without MTOM, or as SwA attachments");
            }
            if (policy.encryption().isPresent()) {
                encrypted = encrypt(header, soap, policy.encryption().get(), context.attachments());
            }
            byte[] tokenSignature = token.isPresent() ? token.get().assertion().getSignatureValue() : null;
            List<byte[]> tokenSignatureValues = tokenSignature == null ? List.of() : List.of(tokenSignature);
            return new SecuredMessage(soap, signatureValues, tokenSignatureValues, messageId, encrypted);
        } catch (WSSecurityException e) {
            throw new OutboundSecurityException("WS-Security could not secure the message: " + e.getMessage(), e);
        }
    }

    /** After signing (the signature covers or is keyed by the plaintext), the assertion becomes an EncryptedAssertion. */
    private void encryptAssertion(WSSecHeader header, Optional<Attached> token) throws OutboundSecurityException {
        SamlAssertionWrapper assertion = token.map(Attached::assertion).orElseThrow(() ->
                new OutboundSecurityException("outbound.encryption.assertion, but no token to encrypt"));
        Element inHeader = null;
        for (org.w3c.dom.Node n = header.getSecurityHeaderElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Assertion".equals(e.getLocalName())
                    && assertion.getId().equals(e.getAttributeNS(null, "ID"))) {
                inHeader = e;
            }
        }
        if (inHeader == null) {
            throw new OutboundSecurityException("the SAML 2.0 assertion " + assertion.getId()
                    + " is not in the Security header (only SAML 2.0 can be encrypted)");
        }
        assertionEncrypter.orElseThrow().encryptInPlace(header.getSecurityHeaderElement().getOwnerDocument(), inHeader);
    }

    private static void timestamp(WSSecHeader header, long ttlSeconds) {
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive((int) ttlSeconds);
        timestamp.build();
    }

    /** One SignatureConfirmation per request signature; one without Value for an unsigned request (WSS 1.1). */
    private static void confirmSignatures(WSSecHeader header, List<byte[]> values, List<WSEncryptionPart> signed) {
        List<byte[]> toConfirm = values.isEmpty() ? java.util.Collections.singletonList(null) : values;
        for (byte[] value : toConfirm) {
            WSSecSignatureConfirmation confirmation = new WSSecSignatureConfirmation(header);
            confirmation.build(value);
            signed.add(new WSEncryptionPart(confirmation.getId()));
        }
    }

    /** The token to attach and, for holder-of-key, the key that proves possession of it. */
    private Optional<Attached> token(OutboundContext context) throws OutboundSecurityException {
        if (policy.token().isEmpty()) {
            return Optional.empty();
        }
        OutboundToken source = policy.token().get();
        if (source instanceof OutboundToken.SelfIssued selfIssued) {
            SamlAssertionWrapper assertion = samlIssuer.orElseThrow()
                    .issue(context.caller(), signingKey.map(KeyCrypto::certificate));
            boolean holderOfKey = selfIssued.saml().confirmationMethod() == ConfirmationMethod.HOLDER_OF_KEY;
            boolean senderVouches = selfIssued.saml().confirmationMethod() == ConfirmationMethod.SENDER_VOUCHES;
            return Optional.of(new Attached(assertion, holderOfKey ? signingKey : Optional.empty(), senderVouches));
        }
        IssuedToken issued;
        if (source instanceof OutboundToken.Propagated) {
            Element assertion = context.caller().flatMap(c -> c.assertion()).orElseThrow(() ->
                    new OutboundSecurityException("token source 'propagated', but the request being served carried "
                            + "no SAML assertion"));
            issued = new IssuedToken(assertion, Optional.empty());
        } else if (source instanceof OutboundToken.FromSts) {
            issued = stsTokens.orElseThrow().token(context);
        } else {
            issued = ((OutboundToken.Supplied) source).supplier().token(context);
        }
        try {
            return Optional.of(new Attached(new SamlAssertionWrapper(issued.assertion()),
                    issued.proofKey().map(KeyCrypto::new), false));
        } catch (WSSecurityException e) {
            throw new OutboundSecurityException("the supplied token is not a SAML assertion: " + e.getMessage(), e);
        }
    }

    private List<byte[]> sign(WSSecHeader header, Document soap, Optional<Attached> token,
                              List<WSEncryptionPart> signedExtras, OutboundContext context)
            throws WSSecurityException, OutboundSecurityException {
        Optional<OutboundSigning> signing = policy.signature();
        // MTOM parts are covered through the element their xop:Include stands in; the other (SwA)
        // attachments are signed when outbound.signature.parts lists Attachments
        List<io.wssgate.spi.OutboundAttachment> xop = XopSigning.xopParts(soap, context.attachments());
        List<io.wssgate.spi.OutboundAttachment> attachments = signing.filter(OutboundSigning::signAttachments)
                .map(s -> context.attachments().stream().filter(a -> !xop.contains(a)).toList()).orElse(List.of());
        if (token.isPresent() && token.get().proofKey().isPresent()) {
            return List.of(holderOfKey(header, soap, token.get(), signing, signedExtras, attachments, xop));
        }
        if (token.isPresent() && token.get().senderVouches()) {
            return List.of(senderVouches(header, soap, token.get().assertion(), signing.orElseThrow(() ->
                    new OutboundSecurityException("a sender-vouches assertion needs outbound.signature")), signedExtras,
                    attachments, xop));
        }
        token.ifPresent(t -> new WSSecSAMLToken(header).build(t.assertion()));
        if (signing.isEmpty()) {
            return List.of();
        }
        WSSecSignature signature = xop.isEmpty() ? new WSSecSignature(header)
                : new WSSecSignature(header, XopSigning.provider(soap, xop));
        KeyCrypto key = signingKey.orElseThrow();
        signature.setUserInfo(KeyCrypto.ALIAS, key.password());
        signature.setKeyIdentifierType(wss4jKeyIdentifier(signing.get().keyIdentifier()));
        configure(signature, Layout.of(signing.get()), key);
        signature.getParts().addAll(parts(soap, Layout.of(signing.get()), signedExtras, token.map(Attached::assertion)));
        AttachmentSigning.add(signature, attachments);
        built(() -> signature.build(key.crypto()));
        return List.of(signature.getSignatureValue());
    }

    /** Builds a signature, an XOP reference that cannot be digested (an include naming no attachment, a transform we cannot follow) refusing the message. */
    private static void built(Build build) throws WSSecurityException, OutboundSecurityException {
        try {
            build.run();
        } catch (IllegalStateException e) {
            throw new OutboundSecurityException(e.getMessage(), e);
        }
    }

    private interface Build {
        void run() throws WSSecurityException;
    }

    /** WSS4J's SAML-keyed signature; over MTOM content, one whose references carry the streamed XOP digest. */
    private static WSSecSignatureSAML samlSignature(WSSecHeader header, Document soap,
                                                    List<io.wssgate.spi.OutboundAttachment> xop) {
        return xop.isEmpty() ? new WSSecSignatureSAML(header)
                : new XopSignatureSaml(header, XopSigning.provider(soap, xop));
    }

    /** The message signed with the proof key, its KeyInfo referring to the assertion (SAML Token Profile). */
    private byte[] holderOfKey(WSSecHeader header, Document soap, Attached token, Optional<OutboundSigning> signing,
                               List<WSEncryptionPart> signedExtras, List<io.wssgate.spi.OutboundAttachment> attachments,
                               List<io.wssgate.spi.OutboundAttachment> xop)
            throws WSSecurityException, OutboundSecurityException {
        KeyCrypto proof = token.proofKey().orElseThrow();
        WSSecSignatureSAML signature = samlSignature(header, soap, xop);
        signature.setUserInfo(KeyCrypto.ALIAS, proof.password());
        Layout layout = signing.map(Layout::of).orElse(Layout.PROOF_DEFAULT);
        configure(signature, layout, proof);
        signature.getParts().addAll(parts(soap, layout, signedExtras, Optional.empty()));
        AttachmentSigning.add(signature, attachments);
        built(() -> signature.build(proof.crypto(), token.assertion(), null, null, null));
        return signature.getSignatureValue();
    }

    /** The sender's signature covers Body, Timestamp and (through an STR-Transform) the assertion. */
    private byte[] senderVouches(WSSecHeader header, Document soap, SamlAssertionWrapper assertion,
                                 OutboundSigning signing, List<WSEncryptionPart> signedExtras,
                                 List<io.wssgate.spi.OutboundAttachment> attachments,
                                 List<io.wssgate.spi.OutboundAttachment> xop)
            throws WSSecurityException, OutboundSecurityException {
        KeyCrypto sender = signingKey.orElseThrow();
        WSSecSignatureSAML signature = samlSignature(header, soap, xop);
        signature.setKeyIdentifierType(wss4jKeyIdentifier(signing.keyIdentifier()));
        configure(signature, Layout.of(signing), sender);
        signature.getParts().addAll(parts(soap, Layout.of(signing), signedExtras, Optional.empty()));
        AttachmentSigning.add(signature, attachments);
        built(() -> signature.build(null, assertion, sender.crypto(), KeyCrypto.ALIAS, sender.password()));
        return signature.getSignatureValue();
    }

    private static void configure(WSSecSignature signature, Layout layout, KeyCrypto key) {
        signature.setSignatureAlgorithm(layout.signatureAlgorithm().orElse(key.defaultSignatureAlgorithm()));
        signature.setDigestAlgo(layout.digestAlgorithm());
        signature.setSigCanonicalization(layout.canonicalization());
    }

    private List<WSEncryptionPart> parts(Document soap, Layout signing, List<WSEncryptionPart> extras,
                                         Optional<SamlAssertionWrapper> token) {
        String soapNs = soap.getDocumentElement().getNamespaceURI();
        List<WSEncryptionPart> parts = new ArrayList<>();
        if (signing.signBody()) {
            parts.add(new WSEncryptionPart(WSConstants.ELEM_BODY, soapNs, "Element"));
        }
        if (signing.signTimestamp() && policy.timestamp().isPresent()) {
            parts.add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, "Element"));
        }
        for (QName h : signing.signedHeaders()) {
            parts.add(new WSEncryptionPart(h.getLocalPart(), h.getNamespaceURI(), "Element"));
        }
        if (signing.signToken() && token.isPresent()) {
            // by the assertion's own ID: a wsu:Id would break the issuer's enveloped signature
            parts.add(new WSEncryptionPart(token.get().getId()));
        }
        parts.addAll(extras);
        return parts;
    }

    /** Returns the attachments to send in place of {@code attachments} (encrypted), or none. */
    private List<io.wssgate.spi.OutboundAttachment> encrypt(WSSecHeader header, Document soap,
                                                           OutboundEncryption settings,
                                                           List<io.wssgate.spi.OutboundAttachment> attachments)
            throws WSSecurityException {
        WSSecEncrypt encrypt = new WSSecEncrypt(header);
        encrypt.setUseThisCert(recipient.orElseThrow());
        encrypt.setKeyIdentifierType(wss4jKeyIdentifier(settings.keyIdentifier()));
        encrypt.setSymmetricEncAlgorithm(settings.dataAlgorithm());
        encrypt.setKeyEncAlgo(settings.keyTransportAlgorithm());
        if (DecryptionPolicy.RSA_OAEP_11.equals(settings.keyTransportAlgorithm())) {
            // named in the EncryptedKey: SHA-256 for the OAEP digest and for MGF1 (the defaults would be SHA-1)
            encrypt.setDigestAlgorithm(WSConstants.SHA256);
            encrypt.setMGFAlgorithm(WSConstants.MGF_SHA256);
        }
        String soapNs = soap.getDocumentElement().getNamespaceURI();
        if (settings.encryptBody()) {
            encrypt.getParts().add(new WSEncryptionPart(WSConstants.ELEM_BODY, soapNs, "Content"));
        }
        for (QName h : settings.encryptedHeaders()) {
            encrypt.getParts().add(new WSEncryptionPart(h.getLocalPart(), h.getNamespaceURI(), "Header"));
        }
        SecretKey key = KeyUtils.getKeyGenerator(settings.dataAlgorithm()).generateKey();
        List<io.wssgate.spi.OutboundAttachment> sent = settings.encryptAttachments()
                ? AttachmentEncrypting.add(encrypt, attachments, key, settings.dataAlgorithm()) : List.of();
        if (encrypt.getParts().isEmpty()) {
            // parts: [Attachments] and a message without any: nothing to encrypt (WSS4J would take the Body)
            return List.of();
        }
        // the recipient certificate is given; the empty crypto only serves WSS4J's key-identifier helpers
        encrypt.build(new org.apache.wss4j.common.crypto.Merlin(), key);
        return sent;
    }

    private static int wss4jKeyIdentifier(KeyIdentifier id) {
        return switch (id) {
            case BST -> WSConstants.BST_DIRECT_REFERENCE;
            case ISSUER_SERIAL -> WSConstants.ISSUER_SERIAL;
            case SKI -> WSConstants.SKI_KEY_IDENTIFIER;
            case THUMBPRINT -> WSConstants.THUMBPRINT_IDENTIFIER;
        };
    }

    /** What a signature covers and with which algorithms; a proof-key signature without settings signs Body and Timestamp. */
    private record Layout(Optional<String> signatureAlgorithm, String digestAlgorithm, String canonicalization,
                          boolean signBody, boolean signTimestamp, boolean signToken, List<QName> signedHeaders) {
        static final Layout PROOF_DEFAULT = new Layout(Optional.empty(), AlgorithmPolicy.SHA256,
                AlgorithmPolicy.EXC_C14N, true, true, false, List.of());

        static Layout of(OutboundSigning s) {
            return new Layout(s.signatureAlgorithm(), s.digestAlgorithm(), s.canonicalization(), s.signBody(),
                    s.signTimestamp(), s.signToken(), s.signedHeaders());
        }
    }

    /** A token on its way into the message. */
    private record Attached(SamlAssertionWrapper assertion, Optional<KeyCrypto> proofKey, boolean senderVouches) {
    }
}
