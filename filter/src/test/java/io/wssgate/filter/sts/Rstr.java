package io.wssgate.filter.sts;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Instant;

import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.wssgate.testing.TestMessages;

/**
 * Read access to what CXF's STS answers. Issue (HTTP 200):
 * <pre>{@code
 * soap:Envelope/soap:Body/wst:RequestSecurityTokenResponseCollection/wst:RequestSecurityTokenResponse/
 *   wst:TokenType                     the requested token type URI
 *   wst:RequestedSecurityToken/saml2:Assertion (or saml1 Assertion)
 *   wst:RequestedAttachedReference/wsse:SecurityTokenReference/wsse:KeyIdentifier   (SAML ID)
 *   wst:RequestedUnattachedReference/wsse:SecurityTokenReference/wsse:KeyIdentifier
 *   wsp:AppliesTo                     echoed as sent (when sent)
 *   wst:Lifetime/wsu:Created, wsu:Expires   = the assertion's NotBefore / NotOnOrAfter
 * }</pre>
 * Validate (HTTP 200): {@code soap:Body/wst:RequestSecurityTokenResponse/} {@code wst:TokenType}
 * ({@code .../RSTR/Status}) and {@code wst:Status/wst:Code} ({@code .../status/valid} or
 * {@code .../status/invalid}) with {@code wst:Reason}. Errors: HTTP 500 with a SOAP 1.1 Fault.
 */
final class Rstr {

    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String VALID = RstMessages.WST + "/status/valid";
    static final String INVALID = RstMessages.WST + "/status/invalid";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** Fault of the STS itself (unknown AppliesTo, untrusted OnBehalfOf, ...) and of the fault switch. */
    static final QName REQUEST_FAILED = new QName(RstMessages.WST, "RequestFailed");
    /** Wrong password or unknown user. */
    static final QName FAILED_AUTHENTICATION = new QName(WSSE, "FailedAuthentication");
    /** No or not enough WS-Security (e.g. no UsernameToken and no signature over Body and Timestamp). */
    static final QName INVALID_SECURITY = new QName(WSSE, "InvalidSecurity");

    private final int httpStatus;
    private final Document document;

    private Rstr(int httpStatus, Document document) {
        this.httpStatus = httpStatus;
        this.document = document;
    }

    static Rstr of(HttpResponse<byte[]> response) {
        return new Rstr(response.statusCode(), TestMessages.parse(response.body()));
    }

    int httpStatus() {
        return httpStatus;
    }

    Document document() {
        return document;
    }

    /** The first {@code ns:localName} anywhere in the response, or null. */
    Element find(String ns, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(ns, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    String text(String ns, String localName) {
        Element element = find(ns, localName);
        return element == null ? null : element.getTextContent().trim();
    }

    /** The issued SAML 2.0 or 1.1 assertion inside wst:RequestedSecurityToken, or null. */
    Element assertion() {
        Element requested = find(RstMessages.WST, "RequestedSecurityToken");
        if (requested == null) {
            return null;
        }
        for (Node child = requested.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "Assertion".equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** The assertion on its own, as it would go into OnBehalfOf / ValidateTarget or a wsse:Security header. */
    String assertionXml() {
        return serialize(assertion());
    }

    /** wst:Lifetime/wsu:Created of an Issue response. */
    Instant lifetimeCreated() {
        return lifetime("Created");
    }

    /** wst:Lifetime/wsu:Expires of an Issue response. */
    Instant lifetimeExpires() {
        return lifetime("Expires");
    }

    private Instant lifetime(String child) {
        Element lifetime = find(RstMessages.WST, "Lifetime");
        return Instant.parse(lifetime.getElementsByTagNameNS(RstMessages.WSU, child).item(0).getTextContent().trim());
    }

    /** wst:Status/wst:Code of a Validate response. */
    String statusCode() {
        return text(RstMessages.WST, "Code");
    }

    /** The SOAP 1.1 faultcode (e.g. {@code wsse:FailedAuthentication}) with its namespace, or null if no fault. */
    QName faultCode() {
        Element fault = find(SOAP11, "Fault");
        NodeList codes = fault == null ? null : fault.getElementsByTagName("faultcode");
        if (codes == null || codes.getLength() == 0) {
            return null;
        }
        String code = codes.item(0).getTextContent().trim();
        int colon = code.indexOf(':');
        String prefix = colon < 0 ? null : code.substring(0, colon);
        return new QName(codes.item(0).lookupNamespaceURI(prefix), code.substring(colon + 1));
    }

    static String serialize(Element element) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
