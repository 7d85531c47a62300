package io.wssgate.inbound;

import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.HardenedParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Turns decrypted octets into the one saml2:Assertion element they must be. As XML Encryption
 * prescribes for Type Element (and as Santuario does itself), the octets are parsed inside a
 * root that declares the namespaces in scope where the EncryptedAssertion stood; they are parsed
 * by {@link HardenedParser} (no DOCTYPE so no entities, nothing external, the message's limits).
 * What the root then holds must be exactly one saml2:Assertion and nothing else but whitespace:
 * no second element, no text, comment or processing instruction beside it. Anything else is a
 * {@link AssertionCipher.DecryptionFailed}, like a broken ciphertext, so a sender learns nothing
 * from the difference.
 */
final class DecryptedAssertionParser {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String ROOT = "wssgate-decrypted";

    private final HardenedParser parser;

    DecryptedAssertionParser(HardenedParser parser) {
        this.parser = parser;
    }

    /** The assertion, imported into {@code context}'s document but not yet inserted anywhere. */
    Element parse(byte[] plaintext, Element context) throws AssertionCipher.DecryptionFailed {
        Map<String, String> namespaces = inScopeNamespaces(context);
        Document parsed;
        try {
            parsed = parser.parseDocument(wrap(plaintext, namespaces));
        } catch (MalformedMessageException e) {
            throw new AssertionCipher.DecryptionFailed("decrypted content is not well-formed, bounded XML", e);
        }
        Element assertion = onlyAssertion(parsed.getDocumentElement());
        Element imported = (Element) context.getOwnerDocument().importNode(assertion, true);
        // declare what the assertion relied on from the context on the assertion itself, so a
        // detached copy (handed to the application, propagated) still means the same
        namespaces.forEach((prefix, uri) -> {
            String qualified = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
            if (!imported.hasAttributeNS(XMLNS, prefix.isEmpty() ? "xmlns" : prefix)) {
                imported.setAttributeNS(XMLNS, qualified, uri);
            }
        });
        return imported;
    }

    private static Element onlyAssertion(Element root) throws AssertionCipher.DecryptionFailed {
        Element assertion = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) {
                continue;
            }
            if (n.getNodeType() != Node.ELEMENT_NODE || assertion != null
                    || !XmlNames.qname((Element) n).equals(XmlNames.SAML2_ASSERTION)) {
                throw new AssertionCipher.DecryptionFailed(
                        "decrypted content is not exactly one saml2:Assertion (found node type " + n.getNodeType()
                                + (n instanceof Element e ? " " + XmlNames.qname(e) : "") + ")", null);
            }
            assertion = (Element) n;
        }
        if (assertion == null) {
            throw new AssertionCipher.DecryptionFailed("decrypted content holds no saml2:Assertion", null);
        }
        return assertion;
    }

    /** Prefix ("" for the default namespace) to URI, the declaration nearest to {@code context} winning. */
    private static Map<String, String> inScopeNamespaces(Element context) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (Node n = context; n instanceof Element e; n = n.getParentNode()) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (XMLNS.equals(a.getNamespaceURI())) {
                    String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
                    namespaces.putIfAbsent(prefix, a.getValue());
                }
            }
        }
        namespaces.remove("xml");
        return namespaces;
    }

    private static byte[] wrap(byte[] plaintext, Map<String, String> namespaces) {
        StringBuilder open = new StringBuilder("<" + ROOT);
        namespaces.forEach((prefix, uri) -> open.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix)
                .append("=\"").append(escape(uri)).append('"'));
        open.append('>');
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + open.length() + 32);
        out.writeBytes(open.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(plaintext);
        out.writeBytes(("</" + ROOT + ">").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
