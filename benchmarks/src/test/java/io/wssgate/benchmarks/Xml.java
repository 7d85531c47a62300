package io.wssgate.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The JDK's DOM parse and serialization, shared by the systems that have no parser or writer
 * of their own (bare WSS4J and the floor), configured as our core configures its own: secure
 * processing on, DOCTYPEs refused.
 */
final class Xml {
    private static final DocumentBuilderFactory PARSERS = Wss4jInbound.secureFactory();
    private static final TransformerFactory WRITERS = writers();

    private Xml() {
    }

    static Document parse(byte[] bytes) throws Exception {
        return PARSERS.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static byte[] serialize(Document document) throws Exception {
        Transformer transformer = WRITERS.newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    /** The first child element with this namespace and local name, or null. */
    static Element child(Node parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static TransformerFactory writers() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
