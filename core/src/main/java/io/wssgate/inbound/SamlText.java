package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.XMLObject;
import org.w3c.dom.Element;

/** Small readings both SAML readers share: text from the DOM, child element lists, refusals. */
final class SamlText {
    private SamlText() {
    }

    /**
     * All the text of an element, from the DOM, trimmed: a comment inside a NameID cannot cut
     * the name down to a prefix, as OpenSAML's first-text-node value could.
     */
    static String text(XMLObject object) {
        return object == null || object.getDOM() == null ? "" : object.getDOM().getTextContent().trim();
    }

    static Optional<String> attribute(Element element, String name) {
        return element.hasAttributeNS(null, name) ? Optional.of(element.getAttributeNS(null, name)) : Optional.empty();
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static List<Element> children(Element parent) {
        return parent == null ? List.of() : Documents.childElements(parent);
    }

    /** Every element of {@code parent} that is not one of {@code known} in {@code namespace}. */
    static List<String> unknownChildren(Element parent, String namespace, List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Element child : children(parent)) {
            if (!namespace.equals(child.getNamespaceURI()) || !known.contains(child.getLocalName())) {
                String type = child.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
                unknown.add(XmlNames.qname(child) + (type.isEmpty() ? "" : " xsi:type=" + type));
            }
        }
        return unknown;
    }

    static long count(Element parent, String namespace, String localName) {
        return children(parent).stream()
                .filter(c -> namespace.equals(c.getNamespaceURI()) && localName.equals(c.getLocalName())).count();
    }

    static SecurityFault invalid(String detail) {
        return new SecurityFault(FaultCode.INVALID_SECURITY_TOKEN, detail);
    }
}
