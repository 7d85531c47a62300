package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;
import org.w3c.dom.Element;

/**
 * Whether an EncryptedKey's ds:KeyInfo names our decryption certificate, in the forms SAML
 * encrypters (ds:X509Data) and WS-Security stacks (wsse:SecurityTokenReference) write: issuer and
 * serial, subject key identifier, SHA-1 thumbprint or the certificate itself. Only used to pick
 * our key among several recipients'; nothing here is fetched or resolved.
 */
final class RecipientCertificate {
    private static final String X509_TOKEN_PROFILE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#";
    private static final String SOAP_MESSAGE_SECURITY_11 =
            "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#";

    private final X509Certificate certificate;
    private final byte[] encoded;
    private final byte[] subjectKeyIdentifier;
    private final byte[] thumbprint;

    RecipientCertificate(X509Certificate certificate) {
        this.certificate = certificate;
        try {
            this.encoded = certificate.getEncoded();
            this.thumbprint = MessageDigest.getInstance("SHA-1").digest(encoded);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the decryption certificate", e);
        }
        this.subjectKeyIdentifier = subjectKeyIdentifier(certificate);
    }

    /** True if {@code keyInfo} (a ds:KeyInfo, possibly null) identifies this certificate. */
    boolean namedBy(Element keyInfo) {
        if (keyInfo == null) {
            return false;
        }
        for (Element e : Documents.childElements(keyInfo)) {
            if (EncryptedAssertionShape.is(e, XmlNames.DS, "X509Data") && x509Data(e)) {
                return true;
            }
            if (EncryptedAssertionShape.is(e, XmlNames.WSSE, "SecurityTokenReference") && tokenReference(e)) {
                return true;
            }
        }
        return false;
    }

    private boolean tokenReference(Element str) {
        for (Element e : Documents.childElements(str)) {
            if (EncryptedAssertionShape.is(e, XmlNames.DS, "X509Data") && x509Data(e)) {
                return true;
            }
            if (EncryptedAssertionShape.is(e, XmlNames.WSSE, "KeyIdentifier")) {
                String valueType = e.getAttributeNS(null, "ValueType");
                byte[] value = base64(e.getTextContent());
                if ((valueType.equals(X509_TOKEN_PROFILE + "X509SubjectKeyIdentifier") && matches(value, subjectKeyIdentifier))
                        || (valueType.equals(SOAP_MESSAGE_SECURITY_11 + "ThumbprintSHA1") && matches(value, thumbprint))
                        || (valueType.equals(X509_TOKEN_PROFILE + "X509v3") && matches(value, encoded))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean x509Data(Element x509Data) {
        for (Element e : Documents.childElements(x509Data)) {
            if (!XmlNames.DS.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "X509IssuerSerial" -> {
                    if (issuerSerial(e)) {
                        return true;
                    }
                }
                case "X509SKI" -> {
                    if (matches(base64(e.getTextContent()), subjectKeyIdentifier)) {
                        return true;
                    }
                }
                case "X509Certificate" -> {
                    if (matches(base64(e.getTextContent()), encoded)) {
                        return true;
                    }
                }
                default -> {
                    // X509SubjectName and the like do not single out one key
                }
            }
        }
        return false;
    }

    private boolean issuerSerial(Element issuerSerial) {
        Element name = EncryptedAssertionShape.child(issuerSerial, XmlNames.DS, "X509IssuerName");
        Element serial = EncryptedAssertionShape.child(issuerSerial, XmlNames.DS, "X509SerialNumber");
        if (name == null || serial == null) {
            return false;
        }
        try {
            return new X500Principal(name.getTextContent().trim()).equals(certificate.getIssuerX500Principal())
                    && new BigInteger(serial.getTextContent().trim()).equals(certificate.getSerialNumber());
        } catch (IllegalArgumentException e) {
            return false; // an unparsable name or number names nobody
        }
    }

    private static boolean matches(byte[] value, byte[] expected) {
        return value != null && expected != null && Arrays.equals(value, expected);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The key identifier octets of the SubjectKeyIdentifier extension (an OCTET STRING in an OCTET STRING). */
    private static byte[] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.14");
        if (extension == null) {
            return null;
        }
        byte[] inner = octetString(extension);
        return inner == null ? null : octetString(inner);
    }

    /** The contents of a DER OCTET STRING, or null if {@code der} is not one. */
    private static byte[] octetString(byte[] der) {
        if (der.length < 2 || der[0] != 0x04) {
            return null;
        }
        int length = der[1] & 0xff;
        int offset = 2;
        if (length > 0x7f) {
            int bytes = length & 0x7f;
            if (bytes > 3 || der.length < 2 + bytes) {
                return null;
            }
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            offset = 2 + bytes;
        }
        return offset + length == der.length ? Arrays.copyOfRange(der, offset, offset + length) : null;
    }
}
