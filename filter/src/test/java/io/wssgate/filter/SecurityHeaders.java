package io.wssgate.filter;

import io.wssgate.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Edits a built message: puts an extra token (e.g. an assertion nobody signed over) into its Security header. */
final class SecurityHeaders {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private SecurityHeaders() {
    }

    static byte[] insert(byte[] message, String tokenXml) throws Exception {
        Document doc = TestMessages.parse(message);
        Element security = (Element) doc.getElementsByTagNameNS(WSSE, "Security").item(0);
        Node token = doc.importNode(TestMessages.parse(tokenXml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getDocumentElement(), true);
        security.insertBefore(token, security.getFirstChild());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
