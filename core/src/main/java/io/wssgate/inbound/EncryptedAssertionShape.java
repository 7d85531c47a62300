package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The one form of saml2:EncryptedAssertion this project decrypts, checked on the received DOM
 * before any key is touched: exactly one xenc:EncryptedData of type Element, its key in at most
 * {@value #MAX_ENCRYPTED_KEYS} xenc:EncryptedKey elements (inline in the EncryptedData's KeyInfo
 * or beside it), allowlisted algorithms, a bounded ciphertext. Refused anywhere inside: every
 * construct that makes a decrypter fetch, compute or follow something (ds:RetrievalMethod,
 * transforms, xenc:CipherReference, key agreement, an EncryptedKey wrapped in another, XOP
 * includes) and every URI that is not a same-document "#id". These are the shapes of the
 * OpenSAML-Java advisory of 12 December 2022 (XSLT/XPath transforms and RetrievalMethod chains
 * reached during key resolution); refusing them up front means no decryption code ever meets
 * them. Checks are structural only, so whatever they refuse tells a sender nothing about keys.
 */
final class EncryptedAssertionShape {
    static final int MAX_ENCRYPTED_KEYS = 4;
    /** Base64 characters of the assertion ciphertext: 1 MiB, far above any real assertion. */
    static final int MAX_CIPHERTEXT_CHARS = 1 << 20;
    static final String TYPE_ELEMENT = XmlNames.XENC + "Element";
    private static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    private static final String XOP = "http://www.w3.org/2004/08/xop/include";
    private static final Set<String> FORBIDDEN = Set.of(
            XmlNames.DS + "RetrievalMethod", XmlNames.DS + "Transforms", XmlNames.DS + "Transform",
            XmlNames.XENC + "Transforms", XmlNames.XENC + "CipherReference", XmlNames.XENC + "AgreementMethod",
            XENC11 + "DerivedKey", XmlNames.DS + "Signature", XmlNames.DS + "Manifest", XmlNames.DS + "Object");

    /** What the checked EncryptedAssertion holds: its data and every EncryptedKey that may unlock it. */
    record Parts(Element encryptedData, List<Element> encryptedKeys) {
    }

    private final DecryptionPolicy algorithms;

    EncryptedAssertionShape(DecryptionPolicy algorithms) {
        this.algorithms = algorithms;
    }

    Parts check(Element encryptedAssertion) throws SecurityFault {
        refuseForbiddenConstructs(encryptedAssertion);
        List<Element> children = Documents.childElements(encryptedAssertion);
        if (children.isEmpty() || !is(children.get(0), XmlNames.XENC, "EncryptedData")) {
            throw invalid("EncryptedAssertion must start with one xenc:EncryptedData");
        }
        Element data = children.get(0);
        List<Element> keys = new ArrayList<>();
        for (Element peer : children.subList(1, children.size())) {
            if (!is(peer, XmlNames.XENC, "EncryptedKey")) {
                throw invalid("EncryptedAssertion holds " + XmlNames.qname(peer) + " besides EncryptedData/EncryptedKey");
            }
            keys.add(peer);
        }
        requireNoText(encryptedAssertion);
        checkEncryptedData(data, keys);
        if (keys.isEmpty() || keys.size() > MAX_ENCRYPTED_KEYS) {
            throw invalid("EncryptedAssertion carries " + keys.size() + " EncryptedKey elements");
        }
        for (Element key : keys) {
            requireAllowed(key, algorithms.keyTransportAlgorithms(), "key transport");
            cipherValue(key);
        }
        return new Parts(data, List.copyOf(keys));
    }

    /** Adds the EncryptedKeys inline in the EncryptedData's KeyInfo to {@code keys}. */
    private void checkEncryptedData(Element data, List<Element> keys) throws SecurityFault {
        String type = data.getAttributeNS(null, "Type");
        if (!type.isEmpty() && !TYPE_ELEMENT.equals(type)) {
            throw invalid("EncryptedAssertion's EncryptedData has Type " + type);
        }
        if (data.hasAttributeNS(null, "Encoding")) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "EncryptedData with an Encoding");
        }
        requireAllowed(data, algorithms.dataAlgorithms(), "data encryption");
        int length = cipherValue(data).getTextContent().length();
        if (length > MAX_CIPHERTEXT_CHARS) {
            throw invalid("EncryptedAssertion ciphertext of " + length + " characters");
        }
        Element keyInfo = child(data, XmlNames.DS, "KeyInfo");
        if (keyInfo != null) {
            for (Element e : Documents.childElements(keyInfo)) {
                if (is(e, XmlNames.XENC, "EncryptedKey")) {
                    keys.add(e);
                } else if (!is(e, XmlNames.DS, "KeyName")) {
                    throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN,
                            "EncryptedData KeyInfo holds " + XmlNames.qname(e));
                }
            }
        }
    }

    /** Walks the whole subtree once, iteratively (no recursion on attacker-chosen depth). */
    private static void refuseForbiddenConstructs(Element root) throws SecurityFault {
        for (Node node = root; node != null; node = next(node, root)) {
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element e = (Element) node;
            String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
            if (FORBIDDEN.contains(ns + e.getLocalName()) || XOP.equals(ns)) {
                throw unsupported(XmlNames.qname(e) + " inside an EncryptedAssertion");
            }
            if (e != root && (is(e, XmlNames.XENC, "EncryptedKey") || is(e, XmlNames.XENC, "EncryptedData"))
                    && insideEncryptedKey(e, root)) {
                throw unsupported("an EncryptedKey/EncryptedData nested in an EncryptedKey");
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                boolean uri = "URI".equals(a.getLocalName() == null ? a.getName() : a.getLocalName());
                if (uri && !isSameDocumentId(a.getValue())) {
                    throw unsupported("reference '" + a.getValue() + "' inside an EncryptedAssertion");
                }
            }
        }
    }

    private static boolean isSameDocumentId(String uri) {
        return uri.length() > 1 && uri.startsWith("#") && !uri.startsWith("#xpointer(");
    }

    private static boolean insideEncryptedKey(Element e, Element root) {
        for (Node p = e.getParentNode(); p != null && p != root; p = p.getParentNode()) {
            if (p instanceof Element parent && is(parent, XmlNames.XENC, "EncryptedKey")) {
                return true;
            }
        }
        return false;
    }

    private static void requireNoText(Element parent) throws SecurityFault {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            boolean element = n.getNodeType() == Node.ELEMENT_NODE;
            boolean blank = n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank();
            if (!element && !blank) {
                throw invalid("EncryptedAssertion holds text, comments or other nodes");
            }
        }
    }

    private static void requireAllowed(Element encrypted, Set<String> allowed, String kind) throws SecurityFault {
        Element method = child(encrypted, XmlNames.XENC, "EncryptionMethod");
        String algorithm = method == null ? "" : method.getAttributeNS(null, "Algorithm");
        if (!allowed.contains(algorithm)) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM, kind + " algorithm not allowed: " + algorithm);
        }
    }

    private static Element cipherValue(Element encrypted) throws SecurityFault {
        Element cipherData = child(encrypted, XmlNames.XENC, "CipherData");
        Element value = cipherData == null ? null : child(cipherData, XmlNames.XENC, "CipherValue");
        if (value == null) {
            throw invalid(XmlNames.qname(encrypted) + " without CipherData/CipherValue");
        }
        return value;
    }

    static Element child(Element parent, String ns, String localName) {
        for (Element e : Documents.childElements(parent)) {
            if (is(e, ns, localName)) {
                return e;
            }
        }
        return null;
    }

    static boolean is(Element e, String ns, String localName) {
        return localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI());
    }

    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node current = node; current != null && current != root; current = current.getParentNode()) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
        }
        return null;
    }

    private static SecurityFault invalid(String detail) {
        return new SecurityFault(FaultCode.INVALID_SECURITY, detail);
    }

    private static SecurityFault unsupported(String detail) {
        return new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, detail);
    }
}
