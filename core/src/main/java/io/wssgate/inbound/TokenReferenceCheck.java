package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every key reference our Security header makes must name a token of that same header.
 *
 * <p>WSS4J resolves a direct reference ({@code wsse:Reference URI="#id"}) or a SAML key
 * identifier that it cannot match to a token it has already processed by searching the whole
 * document, and processes whatever it finds there: a BinarySecurityToken in another actor's
 * header, in an ignorable header or in the Body would then key a signature, although no
 * Security header of ours carries it. References are therefore resolved here first, before any
 * cryptography, and one that names anything but a child of our header is refused (nested
 * inside another token counts as elsewhere: that is how assertion wrapping hides a token).
 * The references checked are every wsse:SecurityTokenReference inside our header (signature and
 * EncryptedKey KeyInfo, sender-vouches STRs, assertion subject keys) and those in the KeyInfo of
 * EncryptedData our header decrypts. Key identifiers matched against certificates
 * (SubjectKeyIdentifier, thumbprint, issuer and serial) need no check: WSS4J matches them only
 * against the trust store and the BinarySecurityTokens it processed in our header. A reference
 * naming nothing is left to WSS4J, which refuses it as an unavailable token.
 */
final class TokenReferenceCheck {
    private static final Set<String> SAML_KEY_IDENTIFIERS = Set.of(
            "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.0#SAMLAssertionID",
            "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID");

    private TokenReferenceCheck() {
    }

    static void check(Element securityHeader) throws SecurityFault {
        Set<String> childIds = new HashSet<>();
        for (Element child : Documents.childElements(securityHeader)) {
            childIds.addAll(IdIndex.idsOf(child));
        }
        for (Element reference : tokenReferences(securityHeader)) {
            for (String id : referencedIds(reference)) {
                // DuplicateIdCheck made a referenced ID unique, so one found on a child is the only one
                if (!childIds.contains(id)) {
                    refuseIfElsewhere(securityHeader.getOwnerDocument(), id);
                }
            }
        }
    }

    /**
     * A reference that names no child of our header: refused if it names anything else; one that
     * names nothing is left to WSS4J, which reports the token as unavailable.
     */
    private static void refuseIfElsewhere(Document document, String id) throws SecurityFault {
        Element target = IdIndex.find(document, id);
        if (target != null) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "key reference '" + id + "' names "
                    + XmlNames.qname(target) + " in " + path(target.getParentNode())
                    + ", not a child of this wsse:Security header; a token must be in the header that uses it");
        }
    }

    /** The STRs inside the header, and those in the KeyInfo of EncryptedData the header references. */
    private static List<Element> tokenReferences(Element securityHeader) {
        List<Element> references = descendants(securityHeader, XmlNames.WSSE, "SecurityTokenReference");
        Set<String> decrypted = new HashSet<>();
        for (Element dataReference : descendants(securityHeader, XmlNames.XENC, "DataReference")) {
            decrypted.add(withoutHash(dataReference.getAttributeNS(null, "URI")));
        }
        if (decrypted.isEmpty()) {
            return references;
        }
        for (Element data : descendants(securityHeader.getOwnerDocument().getDocumentElement(), XmlNames.XENC,
                "EncryptedData")) {
            if (!decrypted.contains(data.getAttributeNS(null, "Id").trim()) || isInside(data, securityHeader)) {
                continue; // not ours to decrypt, or already among the header's references
            }
            for (Element keyInfo : Documents.childElements(data)) {
                if (XmlNames.DS.equals(keyInfo.getNamespaceURI()) && "KeyInfo".equals(keyInfo.getLocalName())) {
                    references.addAll(descendants(keyInfo, XmlNames.WSSE, "SecurityTokenReference"));
                }
            }
        }
        return references;
    }

    /** The IDs an STR names as an element: direct references and SAML key identifiers. */
    static List<String> referencedIds(Element reference) {
        List<String> ids = new ArrayList<>();
        for (Element child : Documents.childElements(reference)) {
            if (!XmlNames.WSSE.equals(child.getNamespaceURI())) {
                continue;
            }
            if ("Reference".equals(child.getLocalName()) && child.hasAttributeNS(null, "URI")) {
                ids.add(withoutHash(child.getAttributeNS(null, "URI")));
            } else if ("KeyIdentifier".equals(child.getLocalName())
                    && SAML_KEY_IDENTIFIERS.contains(child.getAttributeNS(null, "ValueType"))) {
                ids.add(child.getTextContent().trim());
            }
        }
        return ids;
    }

    /** As WSS4J reads a reference URI: an optional leading '#' before the ID. */
    static String withoutHash(String uri) {
        String id = uri.trim();
        return id.startsWith("#") ? id.substring(1) : id;
    }

    private static boolean isInside(Node node, Element ancestor) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> descendants(Element root, String ns, String localName) {
        NodeList nodes = root.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String path(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            path.insert(0, "/" + e.getLocalName());
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /**
     * Elements by every ID attribute WSS4J and Santuario resolve (wsu:Id, Id, ID, AssertionID).
     * {@link DuplicateIdCheck} has already refused an ID that a reference could find twice.
     */
    static final class IdIndex {
        private IdIndex() {
        }

        /** Every element of {@code document} by each of its IDs. */
        static Map<String, Element> of(Document document) {
            Map<String, Element> ids = new HashMap<>();
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                idsOf(e).forEach(id -> ids.putIfAbsent(id, e));
            }
            return ids;
        }

        /** The first element of {@code document} carrying {@code id}, or null. */
        static Element find(Document document, String id) {
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (idsOf(e).contains(id)) {
                    return e;
                }
            }
            return null;
        }

        static List<String> idsOf(Element e) {
            List<String> ids = new ArrayList<>(1);
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attr = (Attr) attributes.item(a);
                if (isId(attr)) {
                    ids.add(attr.getValue().trim());
                }
            }
            return ids;
        }

        private static boolean isId(Attr a) {
            String ns = a.getNamespaceURI();
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (XmlNames.WSU.equals(ns)) {
                return name.equals("Id");
            }
            return (ns == null || ns.isEmpty()) && (name.equals("Id") || name.equals("ID") || name.equals("AssertionID"));
        }
    }
}
