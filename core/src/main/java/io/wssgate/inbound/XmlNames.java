package io.wssgate.inbound;

import io.wssgate.soap.Namespaces;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** Namespaces and element names the inbound checks look for. */
final class XmlNames {
    static final String WSSE = Namespaces.WSSE;
    static final String WSSE11 = Namespaces.WSSE11;
    static final String WSU = Namespaces.WSU;
    static final String DS = Namespaces.DS;
    static final String XENC = Namespaces.XENC;
    static final String SAML1 = Namespaces.SAML1;
    static final String SAML2 = Namespaces.SAML2;

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
