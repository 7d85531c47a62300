package io.wssgate.diagnostics;

import io.wssgate.soap.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM lookups the evidence analyses share; nothing here resolves anything outside the document. */
final class Dom {
    private Dom() {
    }

    static List<Element> descendants(Element root, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        collect(root, namespace, localName, out);
        return out;
    }

    private static void collect(Node node, String namespace, String localName, List<Element> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                    out.add(e);
                }
                collect(e, namespace, localName, out);
            }
        }
    }

    /** The element children of {@code parent}, in order. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static Optional<String> childText(Element parent, String namespace, String localName) {
        return child(parent, namespace, localName).map(e -> e.getTextContent().strip());
    }

    /** Every element whose wsu:Id, Id, ID or AssertionID is {@code id}, in document order. */
    static List<Element> byId(Element root, String id) {
        List<Element> out = new ArrayList<>();
        byId(root, id, out);
        return out;
    }

    private static void byId(Element e, String id, List<Element> out) {
        if (id.equals(e.getAttributeNS(Namespaces.WSU, "Id")) || id.equals(e.getAttribute("Id"))
                || id.equals(e.getAttribute("ID")) || id.equals(e.getAttribute("AssertionID"))) {
            out.add(e);
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element c) {
                byId(c, id, out);
            }
        }
    }

    /** {@code prefix:Local} as written in the message. */
    static String name(Element e) {
        return e.getNodeName();
    }

    /** Where an element sits: its ancestors' names from the root, e.g. {@code soap:Envelope/soap:Header/wsse:Security}. */
    static String path(Element e) {
        StringBuilder out = new StringBuilder(e.getNodeName());
        for (Node p = e.getParentNode(); p instanceof Element parent; p = p.getParentNode()) {
            out.insert(0, parent.getNodeName() + "/");
        }
        return out.toString();
    }
}
