package io.wssgate.filter.interop;

import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The plain-Servlet application behind our filter for the Node peer: answers {@link InteropService}
 * calls in the SOAP version they came in (node-soap speaks 1.1 and 1.2), from the verified document
 * the filter hands over, reporting the caller as the Servlet API shows it.
 */
public class NodeCallerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        Document verified = WssGateFilter.accepted(request).orElseThrow().document();
        Element envelope = verified.getDocumentElement();
        Element operation = firstElement(firstElement(envelope, "Body"), null);
        String answer = "echo".equals(operation.getLocalName())
                ? operation.getTextContent()
                : CallerView.describe(request.getUserPrincipal(), request::isUserInRole);
        String soapNs = envelope.getNamespaceURI();
        String xml = "<soap:Envelope xmlns:soap=\"" + soapNs + "\"><soap:Body><ns:" + operation.getLocalName()
                + "Response xmlns:ns=\"" + InteropService.NS + "\"><return>"
                + answer.replace("&", "&amp;").replace("<", "&lt;") + "</return></ns:" + operation.getLocalName()
                + "Response></soap:Body></soap:Envelope>";
        response.setContentType((SOAP12.equals(soapNs) ? "application/soap+xml" : "text/xml") + "; charset=UTF-8");
        response.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Element firstElement(Node parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                return element;
            }
        }
        throw new IllegalArgumentException("no " + (localName == null ? "element" : localName) + " in " + parent.getNodeName());
    }
}
