package io.wssgate.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Small DOM helpers used across the pipeline. The JAXP factories are configured once; builders
 * and transformers are not thread-safe, so each thread keeps its own, reset before each use.
 */
public final class Documents {
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Documents::newBuilder);
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(Documents::newSerializer);

    private Documents() {
    }

    /** An empty namespace-aware document from the JDK's own implementation. */
    public static Document newDocument() {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        return builder.newDocument();
    }

    /**
     * Parses XML this process produced itself (an outbound message from the application or the
     * runtime) into a plain JDK DOM; a DOCTYPE is refused all the same, since it never belongs
     * in SOAP. Inbound messages go through the stricter, bounded HardenedParser instead.
     */
    public static Document parse(byte[] xml) throws IOException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IOException("cannot parse the message: " + e.getMessage(), e);
        }
    }

    /** UTF-8 bytes of a document (e.g. a verified message after decryption, or an outbound request). */
    public static byte[] serialize(Document document) {
        Transformer transformer = SERIALIZER.get();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize the document", e);
        } finally {
            transformer.reset();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        }
    }

    /** The direct child elements of {@code parent}, in document order. */
    public static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
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

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }

    private static Transformer newSerializer() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            return transformer;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("no XML serializer", e);
        }
    }
}
