package io.wssgate.wsdl;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Small helpers that build WS-Policy / WS-SecurityPolicy elements in one document. */
final class PolicyXml {
    private final Document doc;

    PolicyXml(Document doc) {
        this.doc = doc;
    }

    Element sp(String localName) {
        return doc.createElementNS(WsNames.SP12, "sp:" + localName);
    }

    Element wsp(String localName) {
        return doc.createElementNS(WsNames.WSP15, "wsp:" + localName);
    }

    Element element(String ns, String prefix, String localName) {
        return doc.createElementNS(ns, prefix + ":" + localName);
    }

    /** {@code <sp:name><wsp:Policy>children</wsp:Policy></sp:name>}: an assertion with a nested policy. */
    Element nested(String localName, Element... children) {
        Element assertion = sp(localName);
        assertion.appendChild(policy(children));
        return assertion;
    }

    /** {@code <wsp:Policy>children</wsp:Policy>}, empty when there are none. */
    Element policy(Element... children) {
        Element policy = wsp("Policy");
        for (Element child : children) {
            policy.appendChild(child);
        }
        return policy;
    }

    /** A token assertion with its inclusion and one nested assertion naming its kind. */
    Element token(String localName, String inclusion, String... kinds) {
        Element token = sp(localName);
        token.setAttributeNS(WsNames.SP12, "sp:IncludeToken", inclusion);
        Element[] children = new Element[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            children[i] = sp(kinds[i]);
        }
        token.appendChild(policy(children));
        return token;
    }

    Element header(String localName, String namespace) {
        Element header = sp("Header");
        if (localName != null) {
            header.setAttribute("Name", localName);
        }
        header.setAttribute("Namespace", namespace);
        return header;
    }

    Element text(String ns, String prefix, String localName, String text) {
        Element element = element(ns, prefix, localName);
        element.setTextContent(text);
        return element;
    }
}
