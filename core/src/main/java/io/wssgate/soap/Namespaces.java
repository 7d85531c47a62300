package io.wssgate.soap;

import javax.xml.namespace.QName;

/** The XML namespaces and header names WS-Security messages use, in one place for every module. */
public final class Namespaces {
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    /** The header WS-Security processes. */
    public static final QName SECURITY_HEADER = new QName(WSSE, "Security");
    /** WSS 1.1's encrypted header block, replaced by the header it holds once decrypted. */
    public static final QName ENCRYPTED_HEADER = new QName(WSSE11, "EncryptedHeader");

    private Namespaces() {
    }
}
