package io.wssgate.spring.ws;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
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
import javax.xml.transform.stream.StreamSource;
import org.springframework.ws.WebServiceMessage;
import org.w3c.dom.Document;

/**
 * Moves a Spring-WS message to and from bytes and a plain JDK DOM. The request is secured on a
 * DOM of its own rather than on SAAJ's tree, so WSS4J never depends on how a SAAJ
 * implementation behaves as a DOM; the secured bytes then become the message's content.
 */
final class SoapBytes {
    private SoapBytes() {
    }

    static byte[] of(WebServiceMessage message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            // our own application's output, but a DOCTYPE is never legitimate in SOAP
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot parse the SOAP message: " + e.getMessage(), e);
        }
    }

    static byte[] serialize(Document document) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot serialize the SOAP message: " + e.getMessage(), e);
        }
    }

    /** Replaces the envelope of a SAAJ message, keeping its MIME headers (SOAPAction). */
    static void replaceEnvelope(SOAPMessage message, byte[] envelope) throws SOAPException {
        message.getSOAPPart().setContent(new StreamSource(new ByteArrayInputStream(envelope)));
        message.saveChanges();
    }
}
