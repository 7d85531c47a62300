package io.wssgate.filter.interop;

import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Element;

/** Apache CXF's DoubleIt service (its system tests' contract), behind our filter: doubles numberToDouble. */
public class DoubleItServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String SCHEMA = "http://www.example.org/schema/DoubleIt";
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        Element operation = WrappedSoap.operation(WssGateFilter.accepted(request).orElseThrow().document());
        int number = Integer.parseInt(operation.getElementsByTagName("numberToDouble").item(0).getTextContent().trim());
        String xml = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ns2:DoubleItResponse xmlns:ns2=\"" + SCHEMA + "\"><doubledNumber>" + (2 * number)
                + "</doubledNumber></ns2:DoubleItResponse></soap:Body></soap:Envelope>";
        response.setContentType("text/xml; charset=UTF-8");
        response.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
    }
}
