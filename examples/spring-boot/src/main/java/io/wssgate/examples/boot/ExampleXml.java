package io.wssgate.examples.boot;

import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The payloads of the example contract ({@code urn:wssgate:example}), shared by every WSS Gate
 * example: {@code whoami} / {@code whoamiResponse} with {@code principal} and one {@code role}
 * per role, plus this example's {@code adminReport} / {@code adminReportResponse} with a
 * {@code report}. The operation elements are in the namespace, their children unqualified (as
 * a JAX-WS wrapper writes them). Plain DOM, to keep the example free of a marshalling set-up.
 */
public final class ExampleXml {
    public static final String NS = "urn:wssgate:example";

    private ExampleXml() {
    }

    public static Element whoamiResponse(String principal, List<String> roles) {
        Element response = element(newDocument(), "whoamiResponse");
        child(response, "principal", principal);
        roles.forEach(role -> child(response, "role", role));
        return response;
    }

    public static Element adminReportResponse(String report) {
        Element response = element(newDocument(), "adminReportResponse");
        child(response, "report", report);
        return response;
    }

    /** A request payload: the empty operation element, e.g. {@code <whoami xmlns="urn:wssgate:example"/>}. */
    public static String request(String operation) {
        return "<" + operation + " xmlns=\"" + NS + "\"/>";
    }

    /** The text of each unqualified {@code name} child of a response payload, in document order. */
    public static List<String> texts(Node payload, String name) {
        Element root = payload instanceof Document document ? document.getDocumentElement() : (Element) payload;
        NodeList children = root.getChildNodes();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getNamespaceURI() == null
                    && name.equals(child.getLocalName())) {
                texts.add(child.getTextContent());
            }
        }
        return texts;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    private static Element element(Document document, String name) {
        Element element = document.createElementNS(NS, "ex:" + name);
        document.appendChild(element);
        return element;
    }

    private static void child(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(null, name);
        child.setTextContent(text);
        parent.appendChild(child);
    }
}
