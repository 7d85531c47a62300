package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.HashSet;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Rejects a message in which an identifier that a reference may resolve is carried by two
 * elements, under any of the attributes WSS4J and Santuario resolve (wsu:Id, Id, ID,
 * AssertionID). With unique IDs a reference can only ever mean one element, which is what
 * the coverage check relies on. wsu:Id values must be unique everywhere; Id/ID/AssertionID
 * values only when something references them ({@code URI="#value"}, a token reference's
 * URI with or without '#', or a key identifier), so application payloads with repeated plain
 * {@code ID} attributes still pass.
 * Iterative walks keep the stack flat.
 */
final class DuplicateIdCheck {

    private DuplicateIdCheck() {
    }

    static void check(Element root) throws SecurityFault {
        Set<String> referenced = referencedValues(root);
        Set<String> seen = new HashSet<>();
        for (Node node = root; node != null; node = next(node, root)) {
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            NamedNodeMap attributes = node.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                boolean wsuId = XmlNames.WSU.equals(a.getNamespaceURI()) && "Id".equals(a.getLocalName());
                boolean plainId = isPlainIdAttribute(a) && referenced.contains(a.getValue().trim());
                if ((wsuId || plainId) && !seen.add(a.getValue().trim())) {
                    throw new SecurityFault(FaultCode.INVALID_SECURITY, "duplicate identifier '" + a.getValue() + "'");
                }
            }
        }
    }

    private static Set<String> referencedValues(Element root) {
        Set<String> values = new HashSet<>();
        for (Node node = root; node != null; node = next(node, root)) {
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element e = (Element) node;
            String uri = e.getAttributeNS(null, "URI");
            if (uri.startsWith("#")) {
                values.add(uri.substring(1).trim());
            }
            if ("KeyIdentifier".equals(e.getLocalName()) && XmlNames.WSSE.equals(e.getNamespaceURI())) {
                values.add(e.getTextContent().trim());
            }
            if ("Reference".equals(e.getLocalName()) && XmlNames.WSSE.equals(e.getNamespaceURI()) && !uri.isEmpty()) {
                // WSS4J reads a token reference's URI as an ID with or without the '#'
                values.add(TokenReferenceCheck.withoutHash(uri));
            }
        }
        return values;
    }

    private static boolean isPlainIdAttribute(Attr a) {
        String ns = a.getNamespaceURI();
        String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
        return (ns == null || ns.isEmpty()) && (name.equals("Id") || name.equals("ID") || name.equals("AssertionID"));
    }

    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != null && current != root) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
            current = current.getParentNode();
        }
        return null;
    }
}
