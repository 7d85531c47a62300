package io.wssgate.inbound;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.FipsMode;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * FIPS mode's checks of what a message asks for beyond the algorithm URIs the allowlists judge:
 * an RSA-OAEP key transport must name SHA-2 for both its digest and its MGF1 (left out, both
 * default to SHA-1), and no key may be referenced by a SHA-1 thumbprint. Runs before anything is
 * decrypted or resolved, over the whole envelope (encrypted assertions included).
 */
final class FipsMessageCheck {
    private static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    private static final String SHA1_THUMBPRINT_SUFFIX = "#ThumbprintSHA1";
    private static final String SHA1_ENCRYPTED_KEY_SUFFIX = "#EncryptedKeySHA1";

    private FipsMessageCheck() {
    }

    static void check(Element envelope) throws SecurityFault {
        NodeList methods = envelope.getElementsByTagNameNS(XmlNames.XENC, "EncryptionMethod");
        for (int i = 0; i < methods.getLength(); i++) {
            Element method = (Element) methods.item(i);
            if (DecryptionPolicy.RSA_OAEP_11.equals(method.getAttributeNS(null, "Algorithm"))) {
                String digest = algorithmOf(method, XmlNames.DS, "DigestMethod");
                String mgf = algorithmOf(method, XENC11, "MGF");
                if (!FipsMode.DIGESTS.contains(digest) || !FipsMode.MGF.contains(mgf)) {
                    throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM, "FIPS mode: RSA-OAEP with digest "
                            + (digest.isEmpty() ? "SHA-1 (none named)" : digest) + " and MGF "
                            + (mgf.isEmpty() ? "MGF1-SHA-1 (none named)" : mgf) + " is not allowed");
                }
            }
        }
        NodeList identifiers = envelope.getElementsByTagNameNS(XmlNames.WSSE, "KeyIdentifier");
        for (int i = 0; i < identifiers.getLength(); i++) {
            String valueType = ((Element) identifiers.item(i)).getAttributeNS(null, "ValueType");
            if (valueType.endsWith(SHA1_THUMBPRINT_SUFFIX) || valueType.endsWith(SHA1_ENCRYPTED_KEY_SUFFIX)) {
                throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM, "FIPS mode: a key referenced by a SHA-1 "
                        + "hash (" + valueType + ") is not allowed");
            }
        }
    }

    private static String algorithmOf(Element method, String namespace, String localName) {
        for (org.w3c.dom.Node n = method.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e.getAttributeNS(null, "Algorithm");
            }
        }
        return "";
    }
}
