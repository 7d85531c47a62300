package io.wssgate.cli;

import io.wssgate.config.MessageLimits;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.Namespaces;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A SOAP message indented for reading, its wsse:Security header summarised one line per child
 * (Timestamp times, the certificate a token carries, what a signature signs, an assertion's
 * issuer and subject, whom an EncryptedKey is for) instead of the raw base64. Never shows a
 * password or a key. Something that is not XML is shown as text, shortened.
 */
final class SoapPrinter {
    private static final int LONG_TEXT = 120;
    private static final int RAW_LIMIT = 4000;

    private final StringBuilder out = new StringBuilder();
    private final Document document;

    private SoapPrinter(Document document) {
        this.document = document;
    }

    static String print(byte[] message) {
        try {
            Document document = new HardenedParser(MessageLimits.defaults()).parseDocument(message);
            SoapPrinter printer = new SoapPrinter(document);
            printer.element(document.getDocumentElement(), 0);
            return printer.out.toString();
        } catch (MalformedMessageException e) {
            String text = new String(message, StandardCharsets.UTF_8);
            return (text.length() > RAW_LIMIT ? text.substring(0, RAW_LIMIT) + "\n... (" + message.length + " bytes)"
                    : text) + (text.endsWith("\n") ? "" : "\n");
        }
    }

    private void element(Element e, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append('<').append(e.getNodeName()).append(attributes(e));
        List<Node> children = children(e);
        if (isSecurityHeader(e)) {
            out.append(">\n");
            for (Node child : children) {
                if (child instanceof Element token) {
                    out.append(indent).append("  <!-- ").append(summary(token)).append(" -->\n");
                }
            }
            out.append(indent).append("</").append(e.getNodeName()).append(">\n");
            return;
        }
        if (children.isEmpty()) {
            out.append("/>\n");
        } else if (children.size() == 1 && children.get(0).getNodeType() == Node.TEXT_NODE) {
            out.append('>').append(shortened(escape(children.get(0).getNodeValue().strip()))).append("</")
                    .append(e.getNodeName()).append(">\n");
        } else {
            out.append(">\n");
            for (Node child : children) {
                if (child instanceof Element c) {
                    element(c, depth + 1);
                } else if (child.getNodeType() == Node.TEXT_NODE) {
                    out.append(indent).append("  ").append(shortened(escape(child.getNodeValue().strip()))).append('\n');
                } else if (child.getNodeType() == Node.COMMENT_NODE) {
                    out.append(indent).append("  <!--").append(child.getNodeValue()).append("-->\n");
                }
            }
            out.append(indent).append("</").append(e.getNodeName()).append(">\n");
        }
    }

    /** Child nodes that matter for reading: elements, comments, non-blank text. */
    private static List<Node> children(Element e) {
        List<Node> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE || n.getNodeType() == Node.COMMENT_NODE
                    || n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                out.add(n);
            }
        }
        return out;
    }

    private static String attributes(Element e) {
        StringBuilder out = new StringBuilder();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            out.append(' ').append(a.getName()).append("=\"").append(escape(a.getValue())).append('"');
        }
        return out.toString();
    }

    private static boolean isSecurityHeader(Element e) {
        return Namespaces.WSSE.equals(e.getNamespaceURI()) && "Security".equals(e.getLocalName());
    }

    private String summary(Element token) {
        String id = id(token);
        String name = token.getNodeName() + (id.isEmpty() ? "" : " #" + id);
        String local = token.getLocalName();
        return switch (local) {
            case "Timestamp" -> name + ": Created " + text(token, "Created") + ", Expires " + text(token, "Expires");
            case "BinarySecurityToken" -> name + ": " + certificate(token.getTextContent())
                    .map(SoapPrinter::describe).orElse("a token of type " + token.getAttribute("ValueType"));
            case "Signature" -> name + ": " + signature(token);
            case "Assertion" -> name + ": " + assertion(token);
            case "UsernameToken" -> name + ": user '" + text(token, "Username") + "' ("
                    + (passwordType(token)) + ")";
            case "EncryptedKey" -> name + ": " + algorithm(token, "EncryptionMethod") + ", for "
                    + Optional.ofNullable(first(token, Namespaces.DS, "X509Certificate")).flatMap(c -> certificate(
                    c.getTextContent())).map(c -> c.getSubjectX500Principal().getName()).orElse("the certificate its "
                    + "KeyInfo names") + references(token);
            case "EncryptedData" -> name + ": " + algorithm(token, "EncryptionMethod");
            case "ReferenceList" -> name + references(token);
            case "SignatureConfirmation" -> name + ": confirms a signature value of the request";
            default -> name;
        };
    }

    private String signature(Element signature) {
        List<String> signed = new ArrayList<>();
        for (Element reference : all(signature, Namespaces.DS, "Reference")) {
            String uri = reference.getAttribute("URI");
            Element target = uri.startsWith("#") ? byId(document.getDocumentElement(), uri.substring(1)) : null;
            signed.add(target == null ? uri : target.getNodeName());
        }
        Element method = first(signature, Namespaces.DS, "SignatureMethod");
        String algorithm = method == null ? "?" : method.getAttribute("Algorithm").replaceFirst(".*#", "");
        Element str = first(signature, Namespaces.WSSE, "SecurityTokenReference");
        String key = str == null ? "its KeyInfo" : Optional.ofNullable(first(str, Namespaces.WSSE, "Reference"))
                .map(r -> "token " + r.getAttribute("URI")).orElseGet(() -> Optional.ofNullable(first(str,
                        Namespaces.WSSE, "KeyIdentifier")).map(k -> "key identifier " + k.getAttribute("ValueType")
                        .replaceFirst(".*#", "")).orElse("issuer and serial"));
        return algorithm + " over " + String.join(", ", signed) + "; key: " + key;
    }

    private static String assertion(Element assertion) {
        boolean saml2 = Namespaces.SAML2.equals(assertion.getNamespaceURI());
        String issuer = saml2 ? text(assertion, "Issuer") : assertion.getAttribute("Issuer");
        Element nameId = first(assertion, assertion.getNamespaceURI(), saml2 ? "NameID" : "NameIdentifier");
        List<String> methods = new ArrayList<>();
        for (Element m : all(assertion, assertion.getNamespaceURI(), saml2 ? "SubjectConfirmation" : "ConfirmationMethod")) {
            methods.add((saml2 ? m.getAttribute("Method") : m.getTextContent().strip()).replaceFirst(".*:", ""));
        }
        List<String> audiences = new ArrayList<>();
        all(assertion, assertion.getNamespaceURI(), "Audience").forEach(a -> audiences.add(a.getTextContent().strip()));
        Element conditions = first(assertion, assertion.getNamespaceURI(), "Conditions");
        return "SAML " + (saml2 ? "2.0" : "1.1") + " from " + issuer + ", subject " + (nameId == null ? "?"
                : nameId.getTextContent().strip()) + ", " + String.join("/", methods) + ", audiences " + audiences
                + (conditions == null || conditions.getAttribute("NotOnOrAfter").isEmpty() ? ""
                : ", until " + conditions.getAttribute("NotOnOrAfter"))
                + (first(assertion, Namespaces.DS, "Signature") == null ? ", NOT signed" : ", signed");
    }

    private static String passwordType(Element token) {
        Element password = first(token, Namespaces.WSSE, "Password");
        return password == null ? "no password" : password.getAttribute("Type").endsWith("#PasswordDigest")
                ? "PasswordDigest" : "PasswordText";
    }

    private static String references(Element e) {
        List<String> refs = new ArrayList<>();
        all(e, Namespaces.XENC, "DataReference").forEach(r -> refs.add(r.getAttribute("URI")));
        return refs.isEmpty() ? "" : ", decrypts " + String.join(", ", refs);
    }

    private static String algorithm(Element e, String child) {
        Element method = first(e, Namespaces.XENC, child);
        return method == null ? "?" : method.getAttribute("Algorithm").replaceFirst(".*#", "");
    }

    private static String describe(X509Certificate c) {
        return "X.509 certificate " + c.getSubjectX500Principal().getName() + ", issued by "
                + c.getIssuerX500Principal().getName() + ", valid until " + c.getNotAfter().toInstant();
    }

    private static Optional<X509Certificate> certificate(String base64) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.strip()))));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String text(Element parent, String localName) {
        Element e = first(parent, parent.getNamespaceURI(), localName);
        if (e == null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && localName.equals(c.getLocalName())) {
                    return c.getTextContent().strip();
                }
            }
            return "(none)";
        }
        return e.getTextContent().strip();
    }

    private static Element first(Element root, String ns, String localName) {
        List<Element> found = all(root, ns, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> all(Element root, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
                    out.add(e);
                }
                out.addAll(all(e, ns, localName));
            }
        }
        return out;
    }

    private static Element byId(Element root, String id) {
        if (id.equals(id(root))) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Element found = byId(e, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String id(Element e) {
        String id = e.getAttributeNS(Namespaces.WSU, "Id");
        for (String attribute : List.of("Id", "ID", "AssertionID")) {
            if (id.isEmpty()) {
                id = e.getAttribute(attribute);
            }
        }
        return id;
    }

    private static String shortened(String text) {
        return text.length() <= LONG_TEXT ? text : text.substring(0, LONG_TEXT) + "... (" + text.length() + " chars)";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
