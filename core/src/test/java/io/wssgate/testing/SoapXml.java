package io.wssgate.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
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
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** DOM plumbing shared by the message fixtures: envelope creation, safe parsing, serialisation. */
final class SoapXml {

    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

    private SoapXml() {
    }

    /** A header-less envelope; WSS4J inserts the Header when it adds the Security header. */
    static Document envelope(String soapNs, String bodyXml) {
        String xml = "<soap:Envelope xmlns:soap=\"" + soapNs + "\"><soap:Body>"
                + bodyXml + "</soap:Body></soap:Envelope>";
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Namespace-aware parse with DOCTYPEs refused: the fixtures only ever re-parse their own
     * output, so a DOCTYPE here means a bug, and the test JVM must not resolve entities either.
     */
    static Document parse(byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Parses a standalone element and imports it into {@code owner}. */
    static Element fragment(Document owner, String xml) {
        try {
            Document parsed = builder().parse(new InputSource(new StringReader(xml)));
            return (Element) owner.importNode(parsed.getDocumentElement(), true);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("Not a well-formed element: " + xml, e);
        }
    }

    static byte[] serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            // no indentation: added whitespace would change signed content
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialise message", e);
        }
    }

    static Element body(Document document) {
        Element envelope = document.getDocumentElement();
        Element body = child(envelope, envelope.getNamespaceURI(), "Body");
        if (body == null) {
            throw new IllegalArgumentException("No SOAP Body in message");
        }
        return body;
    }

    /** The SOAP Header, created in front of the Body if the envelope has none yet. */
    static Element header(Document document) {
        Element envelope = document.getDocumentElement();
        String soapNs = envelope.getNamespaceURI();
        Element header = child(envelope, soapNs, "Header");
        if (header == null) {
            header = document.createElementNS(soapNs, prefixed(envelope, "Header"));
            envelope.insertBefore(header, body(document));
        }
        return header;
    }

    static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** Same prefix as the envelope, so new SOAP elements look like the rest of the message. */
    static String prefixed(Element envelope, String localName) {
        String prefix = envelope.getPrefix();
        return prefix == null ? localName : prefix + ":" + localName;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
