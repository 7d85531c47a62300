package io.wssgate.filter.sts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;

/**
 * Hand-made WS-Trust 1.3 requests (RST) in the exact shape {@link CxfSts} (CXF's STS) accepts, with
 * the WS-Security header it requires, and an HTTP POST to send them. The Body is one
 * {@code wst:RequestSecurityToken}; children are written in the order below (CXF does not care
 * about the order, but this is the order WS-Trust lists them in):
 *
 * <pre>{@code
 * <wst:RequestSecurityToken xmlns:wst="http://docs.oasis-open.org/ws-sx/ws-trust/200512">
 *   <wst:RequestType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue</wst:RequestType>
 *   <wst:TokenType>http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0</wst:TokenType>
 *   <wsp:AppliesTo xmlns:wsp="http://www.w3.org/ns/ws-policy">
 *     <wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing">
 *       <wsa:Address>https://service.example/orders</wsa:Address>
 *     </wsa:EndpointReference>
 *   </wsp:AppliesTo>
 *   <wst:Lifetime xmlns:wsu="...oasis-200401-wss-wssecurity-utility-1.0.xsd">
 *     <wsu:Created>2025-01-01T10:00:00Z</wsu:Created><wsu:Expires>2025-01-01T10:05:00Z</wsu:Expires>
 *   </wst:Lifetime>
 *   <wst:KeyType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Bearer</wst:KeyType>
 *   <wst:UseKey>                                  <!-- KeyType .../PublicKey only -->
 *     <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
 *       <ds:X509Data><ds:X509Certificate>MIIC...</ds:X509Certificate></ds:X509Data>
 *     </ds:KeyInfo>
 *   </wst:UseKey>
 *   <wst:OnBehalfOf><saml2:Assertion .../></wst:OnBehalfOf>             <!-- or -->
 *   <wst14:ActAs xmlns:wst14="http://docs.oasis-open.org/ws-sx/ws-trust/200802"><saml2:Assertion/></wst14:ActAs>
 * </wst:RequestSecurityToken>
 * }</pre>
 *
 * Validate: RequestType {@code .../Validate}, TokenType {@code .../RSTR/Status}, and
 * {@code <wst:ValidateTarget><saml2:Assertion .../></wst:ValidateTarget>}. An unknown child element
 * makes CXF answer a fault (wst:BadRequest).
 */
final class RstMessages {

    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String WST14 = "http://docs.oasis-open.org/ws-sx/ws-trust/200802";
    /** WS-Policy 1.5; CXF also accepts 2004/09 and 2006/07 for AppliesTo. */
    static final String WSP = "http://www.w3.org/ns/ws-policy";
    static final String WSP_2004 = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    static final String ISSUE = WST + "/Issue";
    static final String VALIDATE = WST + "/Validate";
    static final String SAML2_TOKEN = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
    static final String SAML11_TOKEN = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1";
    static final String STATUS_TOKEN = WST + "/RSTR/Status";
    static final String BEARER = WST + "/Bearer";
    static final String PUBLIC_KEY = WST + "/PublicKey";
    /** SOAPAction values WS-Trust defines; CXF's STS dispatches on RequestType and ignores them. */
    static final String ISSUE_ACTION = WST + "/RST/Issue";
    static final String VALIDATE_ACTION = WST + "/RST/Validate";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RstMessages() {
    }

    /** An Issue RST for a token of this type and key type (either may be null: then not sent). */
    static Rst issue(String tokenType, String keyType) {
        return new Rst(ISSUE, tokenType, keyType);
    }

    /** A Validate RST asking for the status of {@code assertionXml}. */
    static String validate(String assertionXml) {
        return new Rst(VALIDATE, STATUS_TOKEN, null).validateTarget(assertionXml).toXml();
    }

    /** SOAP 1.1 with Timestamp (5 min) and a UsernameToken (with Nonce and Created) in wsse:Security. */
    static byte[] withUsernameToken(String rstXml, String user, String password, PasswordType type) {
        return TestMessages.soap11(rstXml).timestamp(Duration.ofMinutes(5))
                .usernameToken(user, password, type).build();
    }

    /**
     * SOAP 1.1 with Timestamp (5 min) and an RSA-SHA256 signature over Body and Timestamp whose
     * KeyInfo references a BinarySecurityToken carrying the signer's certificate.
     */
    static byte[] signedBy(String rstXml, Identity signer) {
        return TestMessages.soap11(rstXml).timestamp(Duration.ofMinutes(5)).signWith(signer, KeyIdType.BST).build();
    }

    /** POSTs a SOAP 1.1 message; {@code soapAction} may be null (then no SOAPAction header). */
    static HttpResponse<byte[]> post(URI endpoint, byte[] message, String soapAction)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message));
        if (soapAction != null) {
            request.header("SOAPAction", "\"" + soapAction + "\"");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One RequestSecurityToken; {@link #toXml()} renders it. */
    static final class Rst {
        private final String requestType;
        private final String tokenType;
        private final String keyType;
        private String appliesTo;
        private String policyNs = WSP;
        private Instant created;
        private Instant expires;
        private X509Certificate useKey;
        private String onBehalfOf;
        private String actAs;
        private String validateTarget;

        private Rst(String requestType, String tokenType, String keyType) {
            this.requestType = requestType;
            this.tokenType = tokenType;
            this.keyType = keyType;
        }

        /** wsp:AppliesTo / wsa:EndpointReference / wsa:Address (WS-Policy 1.5 namespace). */
        Rst appliesTo(String address) {
            return appliesTo(address, WSP);
        }

        Rst appliesTo(String address, String policyNamespace) {
            this.appliesTo = address;
            this.policyNs = policyNamespace;
            return this;
        }

        /** wst:Lifetime with wsu:Created now and wsu:Expires after {@code lifetime}. */
        Rst lifetime(Duration lifetime) {
            this.created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            this.expires = created.plus(lifetime);
            return this;
        }

        /** wst:UseKey / ds:KeyInfo / ds:X509Data / ds:X509Certificate (for KeyType PublicKey). */
        Rst useKey(X509Certificate certificate) {
            this.useKey = certificate;
            return this;
        }

        /** wst:OnBehalfOf around a serialised assertion. */
        Rst onBehalfOf(String assertionXml) {
            this.onBehalfOf = assertionXml;
            return this;
        }

        /** wst14:ActAs (WS-Trust 1.4) around a serialised assertion. */
        Rst actAs(String assertionXml) {
            this.actAs = assertionXml;
            return this;
        }

        Rst validateTarget(String assertionXml) {
            this.validateTarget = assertionXml;
            return this;
        }

        String toXml() {
            StringBuilder xml = new StringBuilder("<wst:RequestSecurityToken xmlns:wst=\"" + WST + "\">");
            element(xml, "RequestType", requestType);
            element(xml, "TokenType", tokenType);
            if (appliesTo != null) {
                xml.append("<wsp:AppliesTo xmlns:wsp=\"").append(policyNs).append("\">")
                        .append("<wsa:EndpointReference xmlns:wsa=\"").append(WSA).append("\">")
                        .append("<wsa:Address>").append(escape(appliesTo)).append("</wsa:Address>")
                        .append("</wsa:EndpointReference></wsp:AppliesTo>");
            }
            if (created != null) {
                xml.append("<wst:Lifetime xmlns:wsu=\"").append(WSU).append("\">")
                        .append("<wsu:Created>").append(created).append("</wsu:Created>")
                        .append("<wsu:Expires>").append(expires).append("</wsu:Expires></wst:Lifetime>");
            }
            element(xml, "KeyType", keyType);
            if (useKey != null) {
                xml.append("<wst:UseKey><ds:KeyInfo xmlns:ds=\"").append(DS).append("\"><ds:X509Data>")
                        .append("<ds:X509Certificate>").append(base64(useKey)).append("</ds:X509Certificate>")
                        .append("</ds:X509Data></ds:KeyInfo></wst:UseKey>");
            }
            if (onBehalfOf != null) {
                xml.append("<wst:OnBehalfOf>").append(onBehalfOf).append("</wst:OnBehalfOf>");
            }
            if (actAs != null) {
                xml.append("<wst14:ActAs xmlns:wst14=\"").append(WST14).append("\">").append(actAs)
                        .append("</wst14:ActAs>");
            }
            if (validateTarget != null) {
                xml.append("<wst:ValidateTarget>").append(validateTarget).append("</wst:ValidateTarget>");
            }
            return xml.append("</wst:RequestSecurityToken>").toString();
        }

        private static void element(StringBuilder xml, String name, String value) {
            if (value != null) {
                xml.append("<wst:").append(name).append('>').append(escape(value)).append("</wst:").append(name)
                        .append('>');
            }
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;");
        }

        private static String base64(X509Certificate certificate) {
            try {
                return Base64.getEncoder().encodeToString(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
