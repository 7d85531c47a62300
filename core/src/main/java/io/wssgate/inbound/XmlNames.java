package io.wssgate.inbound;

import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** Namespaces and element names the inbound checks look for. */
final class XmlNames {
    static final String WSSE = SecurityHeaderLocator.WSSE_NS;
    static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    static final QName TIMESTAMP = new QName(WSU, "Timestamp");
    static final QName BINARY_SECURITY_TOKEN = new QName(WSSE, "BinarySecurityToken");
    static final QName SIGNATURE = new QName(DS, "Signature");
    static final QName SAML1_ASSERTION = new QName(SAML1, "Assertion");
    static final QName SAML2_ASSERTION = new QName(SAML2, "Assertion");
    static final QName USERNAME_TOKEN = new QName(WSSE, "UsernameToken");
    static final QName ENCRYPTED_KEY = new QName(XENC, "EncryptedKey");
    static final QName REFERENCE_LIST = new QName(XENC, "ReferenceList");
    static final QName ENCRYPTED_DATA = new QName(XENC, "EncryptedData");
    static final QName SECURITY_TOKEN_REFERENCE = new QName(WSSE, "SecurityTokenReference");
    static final QName SIGNATURE_CONFIRMATION = new QName(WSSE11, "SignatureConfirmation");

    private XmlNames() {
    }

    static QName qname(Element e) {
        return new QName(e.getNamespaceURI() == null ? "" : e.getNamespaceURI(), e.getLocalName());
    }
}
