package io.wssgate.filter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An application that answers with a SOAP response naming the caller (flushing early, as real
 * frameworks do), or with something that is not SOAP at all when the path ends in /broken.
 */
public class SoapResponderServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final java.util.concurrent.atomic.AtomicInteger INVOCATIONS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/xml; charset=UTF-8");
        if (request.getRequestURI().endsWith("/broken")) {
            response.getWriter().write("internal detail that must never reach the client");
            return;
        }
        String name = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        response.getWriter().write("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><r:whoamiResponse xmlns:r=\"urn:wssgate:example\"><r:name>" + name
                + "</r:name></r:whoamiResponse></soap:Body></soap:Envelope>");
        response.flushBuffer();
    }
}
