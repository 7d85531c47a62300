package io.wssgate.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Small DOM helpers used across the pipeline. */
public final class Documents {
    private Documents() {
    }

    /** An empty namespace-aware document from the JDK's own implementation. */
    public static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }

    /**
     * Parses XML this process produced itself (an outbound message from the application or the
     * runtime) into a plain JDK DOM; a DOCTYPE is refused all the same, since it never belongs
     * in SOAP. Inbound messages go through the stricter, bounded HardenedParser instead.
     */
    public static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse the message: " + e.getMessage(), e);
        }
    }

    /** UTF-8 bytes of a document (e.g. a verified message after decryption, or an outbound request). */
    public static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize the document", e);
        }
    }

    /**
     * A deep copy of {@code element} as the root of a document of its own, so that whoever keeps
     * it (a propagated assertion, a cached STS token) neither pins nor can edit the original DOM.
     */
    public static Element detachedCopy(Element element) {
        Document copy = newDocument();
        copy.appendChild(copy.importNode(element, true));
        return copy.getDocumentElement();
    }
}
