package io.wssgate.sts;

import io.wssgate.config.StsSettings;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import io.wssgate.soap.Documents;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds WS-Trust RequestSecurityToken messages (SOAP 1.1): Issue and Validate. */
final class TokenRequests {
    private TokenRequests() {
    }

    /**
     * An Issue request for {@code settings}; {@code useKey} is the holder-of-key certificate,
     * {@code delegate} the assertion of the caller for OnBehalfOf/ActAs.
     */
    static Document issue(StsSettings settings, Optional<X509Certificate> useKey, Optional<Element> delegate,
                          Instant now) {
        Document doc = envelope();
        Element rst = rst(doc);
        text(rst, WsTrust.NS, "wst:RequestType", WsTrust.ISSUE);
        text(rst, WsTrust.NS, "wst:TokenType", settings.saml2() ? WsTrust.SAML2_TOKEN_TYPE : WsTrust.SAML11_TOKEN_TYPE);
        Element appliesTo = child(rst, WsTrust.WSP, "wsp:AppliesTo");
        Element reference = child(appliesTo, WsTrust.WSA, "wsa:EndpointReference");
        text(reference, WsTrust.WSA, "wsa:Address", settings.appliesTo());
        text(rst, WsTrust.NS, "wst:KeyType", settings.publicKey() ? WsTrust.PUBLIC_KEY : WsTrust.BEARER);
        useKey.ifPresent(certificate -> useKey(rst, certificate));
        settings.lifetime().ifPresent(lifetime -> {
            Element element = child(rst, WsTrust.NS, "wst:Lifetime");
            text(element, WsTrust.WSU, "wsu:Created", now.toString());
            text(element, WsTrust.WSU, "wsu:Expires", now.plus(lifetime).toString());
        });
        if (!settings.claims().isEmpty()) {
            Element claims = child(rst, WsTrust.NS, "wst:Claims");
            claims.setAttributeNS(null, "Dialect", WsTrust.IDENTITY);
            for (String claim : settings.claims()) {
                child(claims, WsTrust.IDENTITY, "ic:ClaimType").setAttributeNS(null, "Uri", claim);
            }
        }
        delegate.ifPresent(assertion -> {
            Element holder = settings.delegation() == StsSettings.Delegation.ACT_AS
                    ? child(rst, WsTrust.NS14, "wst14:ActAs") : child(rst, WsTrust.NS, "wst:OnBehalfOf");
            holder.appendChild(doc.importNode(assertion, true));
        });
        return doc;
    }

    /** A Validate request asking for a status on {@code assertion}. */
    static Document validate(Element assertion) {
        Document doc = envelope();
        Element rst = rst(doc);
        text(rst, WsTrust.NS, "wst:TokenType", WsTrust.STATUS_TOKEN_TYPE);
        text(rst, WsTrust.NS, "wst:RequestType", WsTrust.VALIDATE);
        child(rst, WsTrust.NS, "wst:ValidateTarget").appendChild(doc.importNode(assertion, true));
        return doc;
    }

    private static void useKey(Element rst, X509Certificate certificate) {
        Element keyInfo = child(child(rst, WsTrust.NS, "wst:UseKey"), WsTrust.DS, "ds:KeyInfo");
        try {
            text(child(keyInfo, WsTrust.DS, "ds:X509Data"), WsTrust.DS, "ds:X509Certificate",
                    Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the holder-of-key certificate", e);
        }
    }

    private static Document envelope() {
        Document doc = Documents.newDocument();
        Element envelope = doc.createElementNS(WsTrust.SOAP11, "soap:Envelope");
        declare(envelope, null);
        doc.appendChild(envelope);
        child(envelope, WsTrust.SOAP11, "soap:Header");
        child(envelope, WsTrust.SOAP11, "soap:Body");
        return doc;
    }

    private static Element rst(Document doc) {
        Element body = (Element) doc.getDocumentElement().getElementsByTagNameNS(WsTrust.SOAP11, "Body").item(0);
        return child(body, WsTrust.NS, "wst:RequestSecurityToken");
    }

    /**
     * Creates the element with an explicit namespace declaration where the prefix is new: the
     * request is signed as a DOM, and canonicalization only sees declarations that exist as
     * attributes, so without them the STS would digest different bytes than we signed.
     */
    private static Element child(Element parent, String ns, String qualifiedName) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        declare(e, parent);
        parent.appendChild(e);
        return e;
    }

    private static void declare(Element element, Element parent) {
        String prefix = element.getPrefix();
        if (prefix != null && (parent == null || !element.getNamespaceURI().equals(declared(parent, prefix)))) {
            element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, element.getNamespaceURI());
        }
    }

    /** The namespace a prefix is declared for by an xmlns attribute on this element or an ancestor. */
    private static String declared(Element element, String prefix) {
        for (org.w3c.dom.Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttributeNS("http://www.w3.org/2000/xmlns/", prefix)) {
                return e.getAttributeNS("http://www.w3.org/2000/xmlns/", prefix);
            }
        }
        return null;
    }

    private static void text(Element parent, String ns, String qualifiedName, String value) {
        child(parent, ns, qualifiedName).setTextContent(value);
    }
}
