package io.wssgate.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/** DOM and byte-level manipulations behind {@link TestMessages}' malicious variants. */
final class Tampering {

    static final String WRAP_NS = "urn:wssgate:test:wrap";
    static final String DUP_NS = "urn:wssgate:test:dup";

    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");
    private static final Pattern BODY_START = Pattern.compile("<([A-Za-z_][\\w.-]*:)?Body(\\s[^>]*)?>");

    private Tampering() {
    }

    static byte[] tamperBody(byte[] message) {
        Document doc = SoapXml.parse(message);
        Text text = firstNonBlankText(SoapXml.body(doc));
        if (text == null) {
            throw new IllegalArgumentException("Body has no text to tamper with");
        }
        text.setData(text.getData() + "-tampered");
        return SoapXml.serialize(doc);
    }

    static byte[] wrapBody(byte[] message, String newBodyXml) {
        Document doc = SoapXml.parse(message);
        Element envelope = doc.getDocumentElement();
        Element signedBody = SoapXml.body(doc);
        Element header = SoapXml.header(doc);

        Element wrapper = doc.createElementNS(WRAP_NS, "wrap:Wrapper");
        wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wrap", WRAP_NS);
        header.appendChild(wrapper);
        envelope.removeChild(signedBody);
        wrapper.appendChild(signedBody); // keeps its wsu:Id, so the signature reference still resolves to it

        Element evilBody = doc.createElementNS(envelope.getNamespaceURI(), SoapXml.prefixed(envelope, "Body"));
        evilBody.appendChild(SoapXml.fragment(doc, newBodyXml));
        envelope.appendChild(evilBody);
        return SoapXml.serialize(doc);
    }

    static byte[] duplicateId(byte[] message) {
        Document doc = SoapXml.parse(message);
        Element body = SoapXml.body(doc);
        String id = body.getAttributeNS(WSConstants.WSU_NS, "Id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("Body carries no wsu:Id; sign the Body first");
        }
        Element decoy = doc.createElementNS(DUP_NS, "dup:Decoy");
        decoy.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:dup", DUP_NS);
        decoy.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", WSConstants.WSU_NS);
        decoy.setAttributeNS(WSConstants.WSU_NS, "wsu:Id", id);
        // same content as the Body, so whichever element a resolver picks, the digest matches
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            decoy.appendChild(n.cloneNode(true));
        }
        SoapXml.header(doc).appendChild(decoy);
        return SoapXml.serialize(doc);
    }

    static byte[] removeSignature(byte[] message) {
        Document doc = SoapXml.parse(message);
        NodeList signatures = doc.getElementsByTagNameNS(WSConstants.SIG_NS, "Signature");
        List<Node> toRemove = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            Node signature = signatures.item(i);
            // only message signatures: the issuer's signature inside a SAML assertion stays
            if (WSConstants.WSSE_NS.equals(signature.getParentNode().getNamespaceURI())) {
                toRemove.add(signature);
            }
        }
        if (toRemove.isEmpty()) {
            throw new IllegalArgumentException("Message has no signature in its Security header");
        }
        toRemove.forEach(n -> n.getParentNode().removeChild(n));
        return SoapXml.serialize(doc);
    }

    /** Billion laughs: ten levels of ten-fold expansion, referenced at the start of the Body. */
    static byte[] withDoctype(byte[] message) {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return withDtd(message, dtd.toString(), "&lol9;");
    }

    static byte[] withExternalEntity(byte[] message, String systemId) {
        String quoted = systemId.contains("\"") ? "'" + systemId + "'" : "\"" + systemId + "\"";
        return withDtd(message, "<!ENTITY xxe SYSTEM " + quoted + ">", "&xxe;");
    }

    /** A real envelope whose total size is exactly {@code bytes}; the padding is Body text. */
    static byte[] oversized(int bytes) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SoapXml.SOAP11_NS
                + "\"><soap:Body><ns:echo xmlns:ns=\"urn:wssgate:test\">";
        String tail = "</ns:echo></soap:Body></soap:Envelope>";
        int padding = bytes - head.length() - tail.length();
        if (padding < 0) {
            throw new IllegalArgumentException("Smallest envelope is " + (head.length() + tail.length()) + " bytes");
        }
        byte[] out = new byte[bytes];
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        java.util.Arrays.fill(out, headBytes.length, headBytes.length + padding, (byte) 'x');
        System.arraycopy(tailBytes, 0, out, headBytes.length + padding, tailBytes.length);
        return out;
    }

    /** {@code depth} nested elements inside the Body; built as text so no DOM recursion is needed. */
    static byte[] deeplyNested(int depth) {
        StringBuilder xml = new StringBuilder(depth * 20 + 200)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"")
                .append(SoapXml.SOAP11_NS).append("\"><soap:Body><ns:echo xmlns:ns=\"urn:wssgate:test\">");
        xml.append("<ns:n>".repeat(depth)).append("deep").append("</ns:n>".repeat(depth));
        xml.append("</ns:echo></soap:Body></soap:Envelope>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text surgery rather than DOM: the JDK cannot put an internal subset into a DOM, and these
     * messages must never be parsed by the test JVM's defaults anyway.
     */
    private static byte[] withDtd(byte[] message, String internalSubset, String reference) {
        String xml = new String(message, StandardCharsets.UTF_8);
        Matcher declaration = XML_DECLARATION.matcher(xml);
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        if (declaration.find()) {
            prolog = declaration.group().strip();
            xml = xml.substring(declaration.end());
        }
        Matcher body = BODY_START.matcher(xml);
        if (!body.find()) {
            throw new IllegalArgumentException("No SOAP Body start tag found");
        }
        String rootName = rootName(xml);
        String withReference = xml.substring(0, body.end()) + reference + xml.substring(body.end());
        String doctype = "<!DOCTYPE " + rootName + " [" + internalSubset + "]>";
        return (prolog + doctype + withReference).getBytes(StandardCharsets.UTF_8);
    }

    private static String rootName(String xml) {
        Matcher root = Pattern.compile("<([A-Za-z_][\\w.:-]*)").matcher(xml);
        if (!root.find()) {
            throw new IllegalArgumentException("No root element");
        }
        return root.group(1);
    }

    private static Text firstNonBlankText(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text text && !text.getData().isBlank()) {
                return text;
            }
            Text nested = firstNonBlankText(n);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
