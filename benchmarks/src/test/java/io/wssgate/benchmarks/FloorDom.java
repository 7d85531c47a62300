package io.wssgate.benchmarks;

import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Element building for the outbound floor: namespaced elements with their declarations, as on the wire. */
final class FloorDom {
    private FloorDom() {
    }

    /** {@code qualifiedName} is prefix:local; its namespace is declared on the element when {@code declare}. */
    static Element element(Document document, String namespace, String qualifiedName, boolean declare) {
        Element element = document.createElementNS(namespace, qualifiedName);
        if (declare) {
            declare(element, qualifiedName.substring(0, qualifiedName.indexOf(':')), namespace);
        }
        return element;
    }

    static Element text(Document document, String namespace, String qualifiedName, String text) {
        Element element = element(document, namespace, qualifiedName, false);
        element.setTextContent(text);
        return element;
    }

    static void declare(Element element, String prefix, String namespace) {
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
    }

    static Element append(Element parent, Element child) {
        parent.appendChild(child);
        return child;
    }
}
