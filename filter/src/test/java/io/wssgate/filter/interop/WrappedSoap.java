package io.wssgate.filter.interop;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The document/literal wrapped SOAP 1.1 messages of {@link InteropService}, for the servlets that speak it by hand. */
final class WrappedSoap {
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private WrappedSoap() {
    }

    /** The request's operation element (first child of the Body) in a verified, decrypted document. */
    static Element operation(Document verified) {
        Node body = verified.getElementsByTagNameNS(SOAP11, "Body").item(0);
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        throw new IllegalArgumentException("empty Body");
    }

    /** Writes {@code <ns:OPResponse><return>text</return></ns:OPResponse>}. */
    static void respond(HttpServletResponse response, String operation, String text) throws IOException {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;");
        String xml = "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body><ns:" + operation + "Response xmlns:ns=\""
                + InteropService.NS + "\"><return>" + escaped + "</return></ns:" + operation
                + "Response></soap:Body></soap:Envelope>";
        response.setContentType("text/xml; charset=UTF-8");
        response.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
    }
}
