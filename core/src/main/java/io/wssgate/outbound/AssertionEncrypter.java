package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.OutboundEncryption;
import java.security.cert.X509Certificate;
import javax.crypto.SecretKey;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecEncryptedKey;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Replaces the signed message's saml2:Assertion by a saml2:EncryptedAssertion for the recipient
 * (SAML 2.0 core 2.3.4, as an STS issues it for a service): one xenc:EncryptedData of type
 * Element with the configured data algorithm, its session key in an xenc:EncryptedKey inline in
 * the EncryptedData's KeyInfo, naming the recipient the way WS-Security peers look it up (a
 * wsse:SecurityTokenReference, as WSS4J writes it; "bst" becomes the certificate in an X509v3
 * KeyIdentifier, since the key must be found without the message's other tokens). It stays
 * where the assertion was, ahead of the message signature, whose SecurityTokenReference names
 * the assertion's ID (SAML KeyIdentifier, wsse11:TokenType SAMLV2.0): the signature was made over
 * the plaintext, so a receiver decrypts first and then verifies what it will use.
 */
final class AssertionEncrypter {
    private static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    private final OutboundEncryption settings;
    private final X509Certificate recipient;

    AssertionEncrypter(OutboundEncryption settings, X509Certificate recipient) {
        this.settings = settings;
        this.recipient = recipient;
    }

    /** {@code assertion} (a saml2:Assertion in {@code soap}) replaced in place by its EncryptedAssertion. */
    void encryptInPlace(Document soap, Element assertion) throws OutboundSecurityException {
        if (!SAML2_NS.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw new OutboundSecurityException("only a SAML 2.0 assertion can be sent as an EncryptedAssertion, not "
                    + assertion.getNamespaceURI() + " " + assertion.getLocalName());
        }
        try {
            SecretKey sessionKey = KeyUtils.getKeyGenerator(settings.dataAlgorithm()).generateKey();
            XMLCipher cipher = XMLCipher.getInstance(settings.dataAlgorithm());
            cipher.init(XMLCipher.ENCRYPT_MODE, sessionKey);
            EncryptedData data = cipher.getEncryptedData();
            data.setId("ED-" + java.util.UUID.randomUUID());
            KeyInfo keyInfo = new KeyInfo(soap);
            keyInfo.addUnknownElement(encryptedKey(soap, sessionKey));
            data.setKeyInfo(keyInfo);
            Element encryptedAssertion = soap.createElementNS(SAML2_NS, "saml2:EncryptedAssertion");
            assertion.getParentNode().replaceChild(encryptedAssertion, assertion);
            encryptedAssertion.appendChild(assertion);
            // Element mode: the assertion (with its enveloped issuer signature) is replaced by the EncryptedData
            cipher.doFinal(soap, assertion, false);
        } catch (WSSecurityException e) {
            throw new OutboundSecurityException("cannot encrypt the assertion: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new OutboundSecurityException("cannot encrypt the assertion: " + e, e);
        }
    }

    private Element encryptedKey(Document soap, SecretKey sessionKey) throws WSSecurityException {
        WSSecEncryptedKey key = new WSSecEncryptedKey(soap);
        key.setUseThisCert(recipient);
        key.setKeyIdentifierType(keyIdentifier(settings.keyIdentifier()));
        key.setKeyEncAlgo(settings.keyTransportAlgorithm());
        if (io.wssgate.config.DecryptionPolicy.RSA_OAEP_11.equals(settings.keyTransportAlgorithm())) {
            key.setDigestAlgorithm(WSConstants.SHA256);
            key.setMGFAlgorithm(WSConstants.MGF_SHA256);
        }
        // the recipient certificate is given; the empty crypto only serves WSS4J's key-identifier helpers
        key.prepare(new Merlin(), sessionKey);
        return key.getEncryptedKeyElement();
    }

    private static int keyIdentifier(KeyIdentifier id) {
        return switch (id) {
            case BST -> WSConstants.X509_KEY_IDENTIFIER;
            case ISSUER_SERIAL -> WSConstants.ISSUER_SERIAL;
            case SKI -> WSConstants.SKI_KEY_IDENTIFIER;
            case THUMBPRINT -> WSConstants.THUMBPRINT_IDENTIFIER;
        };
    }
}
