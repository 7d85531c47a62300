package io.wssgate.testing.attacks;

import io.wssgate.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** DOM surgery on built messages, for the attack catalogues. */
public final class MessageDom {
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** Namespace of the wrapper elements attacks invent. */
    public static final String EVIL = "urn:wssgate:attack:evil";

    private MessageDom() {
    }

    /** Parses {@code message}, lets {@code edit} change it, and serialises it again (UTF-8, no indentation). */
    public static byte[] edit(byte[] message, Consumer<Document> edit) {
        Document doc = TestMessages.parse(message);
        edit.accept(doc);
        return bytes(doc);
    }

    public static byte[] bytes(Document doc) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String soapNs(Document doc) {
        return doc.getDocumentElement().getNamespaceURI();
    }

    public static Element body(Document doc) {
        return required(child(doc.getDocumentElement(), soapNs(doc), "Body"), "Body");
    }

    public static Element header(Document doc) {
        return required(child(doc.getDocumentElement(), soapNs(doc), "Header"), "Header");
    }

    public static Element security(Document doc) {
        return required(child(header(doc), WSSE, "Security"), "wsse:Security");
    }

    /** The message signature: the ds:Signature directly in the Security header. */
    public static Element signature(Document doc) {
        return required(child(security(doc), DS, "Signature"), "ds:Signature");
    }

    public static Element timestamp(Document doc) {
        return required(child(security(doc), WSU, "Timestamp"), "wsu:Timestamp");
    }

    /** The first descendant of {@code doc} with this name. */
    public static Element first(Document doc, String ns, String localName) {
        return required((Element) doc.getElementsByTagNameNS(ns, localName).item(0), ns + ":" + localName);
    }

    public static List<Element> all(Document doc, String ns, String localName) {
        List<Element> list = new ArrayList<>();
        var nodes = doc.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    public static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** A new element {@code evil:<localName>} in the {@link #EVIL} namespace. */
    public static Element wrapper(Document doc, String localName) {
        Element wrapper = doc.createElementNS(EVIL, "evil:" + localName);
        wrapper.setAttributeNS(XMLNS, "xmlns:evil", EVIL);
        return wrapper;
    }

    /** A new SOAP Body (same SOAP version and prefix as the envelope) holding {@code payloadXml}. */
    public static Element newBody(Document doc, String payloadXml) {
        Element envelope = doc.getDocumentElement();
        String prefix = envelope.getPrefix();
        Element body = doc.createElementNS(envelope.getNamespaceURI(), prefix == null ? "Body" : prefix + ":Body");
        body.appendChild(fragment(doc, payloadXml));
        return body;
    }

    /** Parses a standalone element and imports it into {@code owner}. */
    public static Element fragment(Document owner, String xml) {
        Document parsed = TestMessages.parse(xml.getBytes(StandardCharsets.UTF_8));
        return (Element) owner.importNode(parsed.getDocumentElement(), true);
    }

    /** Moves {@code node} to the end of {@code newParent}. */
    public static void move(Node node, Element newParent) {
        node.getParentNode().removeChild(node);
        newParent.appendChild(node);
    }

    public static String wsuId(Element element) {
        return element.getAttributeNS(WSU, "Id");
    }

    private static Element required(Element element, String what) {
        if (element == null) {
            throw new IllegalArgumentException("message has no " + what);
        }
        return element;
    }
}
