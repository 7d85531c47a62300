package io.wssgate.testing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.credential.CredentialSupport;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * saml2:EncryptedAssertion as an identity provider or STS writes it, made by OpenSAML's own
 * {@link Encrypter} (an implementation independent of the one WSS Gate decrypts with):
 * AES-256-GCM content, RSA-OAEP key transport, the EncryptedKey inline in the EncryptedData's
 * KeyInfo (what Shibboleth and ADFS send) naming the recipient by its certificate. Encrypting
 * with OpenSAML 4.0.1 is fine; only its decrypter is affected by the 2022 advisory.
 */
public final class SamlEncryption {
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";

    private SamlEncryption() {
    }

    /** A new saml2:EncryptedAssertion element of {@code assertion} for {@code recipient}, owned by {@code owner}. */
    public static Element encrypt(SamlAssertionWrapper assertion, X509Certificate recipient, Document owner) {
        return encrypt(assertion, recipient, owner, AES256_GCM, RSA_OAEP, Encrypter.KeyPlacement.INLINE);
    }

    /** The same with other algorithms or the EncryptedKey placed beside the EncryptedData (PEER). */
    public static Element encrypt(SamlAssertionWrapper assertion, X509Certificate recipient, Document owner,
                                  String dataAlgorithm, String keyTransport, Encrypter.KeyPlacement placement) {
        return encrypt(assertion, List.of(recipient), owner, dataAlgorithm, keyTransport, placement);
    }

    /** For several recipients: one EncryptedKey each, inline, each naming its recipient's certificate. */
    public static Element encrypt(SamlAssertionWrapper assertion, List<X509Certificate> recipients, Document owner) {
        return encrypt(assertion, recipients, owner, AES256_GCM, RSA_OAEP, Encrypter.KeyPlacement.INLINE);
    }

    private static Element encrypt(SamlAssertionWrapper assertion, List<X509Certificate> recipients, Document owner,
                                   String dataAlgorithm, String keyTransport, Encrypter.KeyPlacement placement) {
        if (assertion.getSaml2() == null) {
            throw new IllegalArgumentException("only a SAML 2.0 assertion can be an EncryptedAssertion");
        }
        if (assertion.getElement() == null) {
            // WSS4J signs an assertion when it first marshals it: do that before OpenSAML marshals it unsigned
            try {
                assertion.toDOM(null); // its own document: Santuario serialises only an element with a parent
            } catch (org.apache.wss4j.common.ext.WSSecurityException e) {
                throw new IllegalStateException("cannot sign the assertion", e);
            }
        }
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(dataAlgorithm);
        // the session key is made here: OpenSAML's algorithm registry is not initialised under WSS4J
        data.setEncryptionCredential(CredentialSupport.getSimpleCredential(sessionKey(dataAlgorithm)));
        List<KeyEncryptionParameters> keys = new ArrayList<>();
        for (X509Certificate recipient : recipients) {
            KeyEncryptionParameters key = new KeyEncryptionParameters();
            key.setEncryptionCredential(new BasicX509Credential(recipient));
            key.setAlgorithm(keyTransport);
            X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
            keyInfo.setEmitEntityCertificate(true);
            key.setKeyInfoGenerator(keyInfo.newInstance());
            keys.add(key);
        }
        Encrypter encrypter = new Encrypter(data, keys);
        encrypter.setKeyPlacement(placement);
        try {
            EncryptedAssertion encrypted = encrypter.encrypt(assertion.getSaml2());
            Element element = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(encrypted)
                    .marshall(encrypted);
            return (Element) owner.importNode(element, true);
        } catch (EncryptionException | MarshallingException e) {
            throw new IllegalStateException("OpenSAML could not encrypt the assertion: " + e.getMessage(), e);
        }
    }

    private static javax.crypto.SecretKey sessionKey(String dataAlgorithm) {
        int bits = dataAlgorithm.contains("128") ? 128 : dataAlgorithm.contains("192") ? 192 : 256;
        try {
            javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
            generator.init(bits);
            return generator.generateKey();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
