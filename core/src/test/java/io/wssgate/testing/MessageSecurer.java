package io.wssgate.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;
import javax.xml.namespace.QName;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSAMLToken;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.apache.wss4j.dom.saml.WSSecSignatureSAML;
import org.w3c.dom.Document;

import io.wssgate.testing.MessagePlan.EncryptionSpec;
import io.wssgate.testing.MessagePlan.SignatureSpec;

/**
 * Applies a {@link MessagePlan} to a fresh envelope with WSS4J's DOM API, in the order a real
 * client does: extra headers, Timestamp, UsernameToken, SAML token + signature, then encryption
 * (so the signature is over the plaintext Body). Each WSS4J step prepends to the Security header,
 * so the result reads EncryptedKey, Signature, tokens, Timestamp — the order a receiver needs.
 */
final class MessageSecurer {

    static {
        // WSS4J's signature code asks JCA for the "ApacheXMLDSig" XMLSignatureFactory and the
        // STR-Transform; WSSConfig.init() registers those providers (appended, never first).
        // Idempotent, and the gate itself needs the same registration to verify.
        WSSConfig.init();
    }

    private final MessagePlan plan;
    private Document doc;
    private WSSecHeader securityHeader;

    MessageSecurer(MessagePlan plan) {
        this.plan = plan;
    }

    Document secure() {
        doc = SoapXml.envelope(plan.soapNs, plan.bodyXml);
        for (String header : plan.extraHeaders) {
            SoapXml.header(doc).appendChild(SoapXml.fragment(doc, header));
        }
        try {
            securityHeader = new WSSecHeader(doc);
            securityHeader.insertSecurityHeader();
            addTimestamp();
            addUsernameToken();
            plan.editsBeforeSigning.forEach(edit -> edit.accept(doc));
            SamlAssertionWrapper assertion = addSamlAndSignature();
            encryptAssertion(assertion);
            encrypt();
        } catch (WSSecurityException e) {
            throw new IllegalStateException("WSS4J could not secure the message: " + e.getMessage(), e);
        }
        return doc;
    }

    private void addTimestamp() {
        if (plan.timestamp == null) {
            return;
        }
        WSSecTimestamp timestamp = new WSSecTimestamp(securityHeader);
        timestamp.setTimeToLive(plan.timestamp.ttlSeconds());
        Instant created = plan.timestamp.created();
        if (created != null) {
            timestamp.setWsTimeSource(() -> created);
        }
        timestamp.build();
    }

    private void addUsernameToken() {
        if (plan.usernameToken == null) {
            return;
        }
        WSSecUsernameToken token = new WSSecUsernameToken(securityHeader);
        token.setUserInfo(plan.usernameToken.user(), plan.usernameToken.password());
        token.setPasswordType(plan.usernameToken.type() == MessageBuilder.PasswordType.DIGEST
                ? WSConstants.PASSWORD_DIGEST : WSConstants.PASSWORD_TEXT);
        token.addNonce();
        token.addCreated();
        Instant created = plan.usernameToken.created();
        if (created != null) {
            token.setWsTimeSource(() -> created);
        }
        token.build();
    }

    private SamlAssertionWrapper addSamlAndSignature() throws WSSecurityException {
        SamlSpec saml = plan.saml;
        if (saml == null) {
            if (plan.signature != null) {
                sign(plan.signature, null);
            }
            return null;
        }
        SamlAssertionWrapper assertion = saml.toAssertion();
        switch (saml.confirmation()) {
            case HOLDER_OF_KEY -> holderOfKey(saml, assertion);
            case SENDER_VOUCHES -> senderVouches(assertion);
            case BEARER -> {
                addAssertion(assertion);
                if (plan.signature != null) {
                    sign(plan.signature, assertion);
                }
            }
        }
        return assertion;
    }

    /** Replaces the assertion element WSS4J put into the header by its EncryptedAssertion. */
    private void encryptAssertion(SamlAssertionWrapper assertion) {
        if (plan.assertionRecipient == null) {
            return;
        }
        if (assertion == null) {
            throw new IllegalStateException("encryptAssertionFor needs saml(...)");
        }
        org.w3c.dom.Element plain = assertion.getElement();
        if (plain == null || plain.getOwnerDocument() != doc) {
            throw new IllegalStateException("the assertion is not in the message");
        }
        plain.getParentNode().replaceChild(SamlEncryption.encrypt(assertion, plan.assertionRecipient, doc), plain);
    }

    private void holderOfKey(SamlSpec saml, SamlAssertionWrapper assertion) throws WSSecurityException {
        // the proof key is the subject's unless the test deliberately signs with another one
        SignatureSpec spec = plan.signature != null ? plan.signature
                : new SignatureSpec(saml.subjectKey(), KeyIdType.BST, null, null, null);
        if (plan.holderOfKeyViaBst) {
            addAssertion(assertion);
            sign(spec, assertion);
            return;
        }
        if (!assertion.isSigned()) {
            throw new IllegalStateException("WSS4J only references an assertion as proof key if the issuer "
                    + "signed it: use SamlSpec.signedBy(...) or holderOfKeyViaBst()");
        }
        WSSecSignatureSAML signature = new WSSecSignatureSAML(securityHeader);
        signature.setUseDirectReferenceToAssertion(plan.samlDirectReference);
        signature.setUserInfo(spec.identity().name(), TestCrypto.KEY_PASSWORD);
        configureAlgorithms(signature, spec);
        signature.getParts().addAll(partsToSign(assertion));
        signature.build(TestCrypto.signing(spec.identity()), assertion, null, null, null);
    }

    private void senderVouches(SamlAssertionWrapper assertion) throws WSSecurityException {
        SignatureSpec sender = plan.signature;
        if (sender == null) {
            throw new IllegalStateException("Sender-vouches needs signWith(sender, ...): the sender's signature "
                    + "is what vouches for the subject");
        }
        WSSecSignatureSAML signature = new WSSecSignatureSAML(securityHeader);
        signature.setUseDirectReferenceToAssertion(plan.samlDirectReference);
        signature.setKeyIdentifierType(sender.keyId().wss4jType());
        configureAlgorithms(signature, sender);
        // WSSecSignatureSAML adds the STR-Transform reference to the assertion itself
        signature.getParts().addAll(partsToSign(null));
        signature.build(null, assertion, TestCrypto.signing(sender.identity()), sender.identity().name(),
                TestCrypto.KEY_PASSWORD);
    }

    private void addAssertion(SamlAssertionWrapper assertion) {
        new WSSecSAMLToken(securityHeader).build(assertion);
    }

    private void sign(SignatureSpec spec, SamlAssertionWrapper assertion) throws WSSecurityException {
        List<WSEncryptionPart> parts = partsToSign(assertion);
        if (parts.isEmpty()) {
            throw new IllegalStateException("Nothing to sign: enable Body, Timestamp, a header or the assertion");
        }
        WSSecSignature signature = new WSSecSignature(securityHeader);
        signature.setUserInfo(spec.identity().name(), TestCrypto.KEY_PASSWORD);
        signature.setKeyIdentifierType(spec.keyId().wss4jType());
        configureAlgorithms(signature, spec);
        signature.getParts().addAll(parts);
        signature.build(TestCrypto.signing(spec.identity()));
    }

    private static void configureAlgorithms(WSSecSignature signature, SignatureSpec spec) {
        signature.setSignatureAlgorithm(spec.signatureAlgorithm() != null ? spec.signatureAlgorithm()
                : MessageDefaults.signatureAlgorithmFor(spec.identity().privateKey()));
        signature.setDigestAlgo(spec.digestAlgorithm() != null ? spec.digestAlgorithm() : MessageDefaults.DIGEST);
        signature.setSigCanonicalization(spec.c14nAlgorithm() != null ? spec.c14nAlgorithm() : MessageDefaults.C14N);
    }

    /** Body, Timestamp, chosen headers and (if asked) the assertion by its own ID. */
    private List<WSEncryptionPart> partsToSign(SamlAssertionWrapper assertion) {
        List<WSEncryptionPart> parts = new ArrayList<>();
        if (plan.signBody) {
            parts.add(new WSEncryptionPart(WSConstants.ELEM_BODY, plan.soapNs, "Element"));
        }
        if (plan.timestamp != null && plan.signTimestamp) {
            parts.add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, "Element"));
        }
        for (QName header : plan.signedHeaders) {
            parts.add(new WSEncryptionPart(header.getLocalPart(), header.getNamespaceURI(), "Element"));
        }
        if (plan.signAssertion && assertion != null) {
            // a wsu:Id would break the issuer's enveloped signature, so reference the SAML ID as is
            parts.add(new WSEncryptionPart(assertion.getId()));
        }
        return parts;
    }

    private void encrypt() throws WSSecurityException {
        EncryptionSpec spec = plan.encryption;
        if (spec == null) {
            return;
        }
        String symmetric = spec.symmetricAlgorithm() != null ? spec.symmetricAlgorithm() : WSConstants.AES_256_GCM;
        WSSecEncrypt encrypt = new WSSecEncrypt(securityHeader);
        encrypt.setUseThisCert(spec.recipient());
        encrypt.setKeyIdentifierType(spec.keyId().wss4jType());
        encrypt.setSymmetricEncAlgorithm(symmetric);
        encrypt.setKeyEncAlgo(spec.keyTransportAlgorithm() != null
                ? spec.keyTransportAlgorithm() : WSConstants.KEYTRANSPORT_RSAOAEP);
        encrypt.getParts().add(new WSEncryptionPart(WSConstants.ELEM_BODY, plan.soapNs, "Content"));
        for (QName header : plan.encryptedHeaders) {
            encrypt.getParts().add(new WSEncryptionPart(header.getLocalPart(), header.getNamespaceURI(), "Header"));
        }
        SecretKey key = KeyUtils.getKeyGenerator(symmetric).generateKey();
        // an empty crypto suffices: the certificate is given, WSS4J only needs the SKI helper
        Crypto crypto = new Merlin();
        encrypt.build(crypto, key);
    }
}
