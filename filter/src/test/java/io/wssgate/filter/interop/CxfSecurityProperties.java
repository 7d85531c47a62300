package io.wssgate.filter.interop;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.CryptoFactory;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * The WSS4JOutInterceptor / WSS4JInInterceptor properties a CXF user writes to talk to WSS Gate,
 * per profile. These are the settings docs/interoperability.md documents: WSS Gate
 * refuses WSS4J's SHA-1 defaults and wants the Timestamp signed along with the Body.
 */
final class CxfSecurityProperties {
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    static final String TIMESTAMP_AND_BODY = "{Element}{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}Timestamp;"
            + "{Element}{http://schemas.xmlsoap.org/soap/envelope/}Body";
    private static final String CRYPTO = "interop.crypto";

    private CxfSecurityProperties() {
    }

    /** A CXF client's outbound security for {@code profile}, sent to a WSS Gate service. */
    static Map<String, Object> client(Profile profile, InteropKeys keys) throws WSSecurityException {
        Map<String, Object> out = signing(keys.cxfClientCrypto,
                profile.confirmation == Profile.Confirmation.SENDER_VOUCHES ? "sender" : "client");
        if (profile.saml()) {
            out.put(ConfigurationConstants.ACTION, "Timestamp "
                    + (profile.signed() ? ConfigurationConstants.SAML_TOKEN_SIGNED : ConfigurationConstants.SAML_TOKEN_UNSIGNED));
            out.put(ConfigurationConstants.SAML_CALLBACK_REF, new CxfSamlCallback(profile,
                    CryptoFactory.getInstance(keys.cxfClientCrypto), keys.client.certificate()));
        } else if (profile.encryptsBody) {
            out.put(ConfigurationConstants.ACTION, "Timestamp Signature Encrypt");
            out.put(ConfigurationConstants.ENCRYPTION_USER, "server");
            out.put(ConfigurationConstants.ENC_PROP_REF_ID, CRYPTO);
            out.put(ConfigurationConstants.ENC_SYM_ALGO, AES256_GCM);
            out.put(ConfigurationConstants.ENC_KEY_TRANSPORT, RSA_OAEP);
        } else {
            out.put(ConfigurationConstants.ACTION, "Timestamp Signature");
        }
        return out;
    }

    /** A CXF service's inbound security for requests of {@code profile} from a WSS Gate client. */
    static Map<String, Object> serviceInbound(Profile profile, InteropKeys keys) {
        Map<String, Object> in = new HashMap<>();
        in.put(ConfigurationConstants.ACTION, "Timestamp " + (profile.saml()
                ? ConfigurationConstants.SAML_TOKEN_SIGNED + (profile.signed() ? " Signature" : "")
                        // the saml2:EncryptedAssertion (WSS Gate's client encrypts only the assertion when
                        // its encryption parts are empty; WSS4J used to take the Body as well then)
                        + (profile.encryptsAssertion ? " Encrypt" : "")
                : profile.encryptsBody ? "Signature Encrypt" : "Signature"));
        in.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, CRYPTO);
        in.put(ConfigurationConstants.DEC_PROP_REF_ID, CRYPTO);
        in.put(CRYPTO, keys.cxfServerCrypto);
        in.put(ConfigurationConstants.PW_CALLBACK_REF, InteropKeys.keyPasswords());
        // keep the request's signature values so the response can confirm them
        in.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, String.valueOf(profile.signed()));
        return in;
    }

    /**
     * A CXF service's responses: Timestamp and Signature, confirming the request's signatures
     * when the caller signed it. For a bearer caller confirmation stays off: WSS4J would confirm
     * the assertion's issuer signature, which a WSS Gate client policy without a signature of its
     * own cannot ask for (see docs/interoperability.md).
     */
    static Map<String, Object> serviceOutbound(Profile profile, InteropKeys keys) {
        Map<String, Object> out = signing(keys.cxfServerCrypto, "server");
        out.put(ConfigurationConstants.ACTION, "Timestamp Signature");
        out.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, String.valueOf(profile.signed()));
        return out;
    }

    private static Map<String, Object> signing(Properties crypto, String user) {
        Map<String, Object> out = new HashMap<>();
        out.put(ConfigurationConstants.SIGNATURE_USER, user);
        out.put(ConfigurationConstants.SIG_PROP_REF_ID, CRYPTO);
        out.put(CRYPTO, crypto);
        out.put(ConfigurationConstants.PW_CALLBACK_REF, InteropKeys.keyPasswords());
        out.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        out.put(ConfigurationConstants.SIG_ALGO, RSA_SHA256);
        out.put(ConfigurationConstants.SIG_DIGEST_ALGO, SHA256);
        out.put(ConfigurationConstants.SIGNATURE_PARTS, TIMESTAMP_AND_BODY);
        return out;
    }
}
