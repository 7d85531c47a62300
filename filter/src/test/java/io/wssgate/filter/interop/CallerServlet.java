package io.wssgate.filter.interop;

import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The plain-Servlet application behind our filter: answers {@link InteropService} calls from the
 * verified document the filter hands over, reporting the caller as the Servlet API shows it.
 */
public class CallerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        Element operation = WrappedSoap.operation(WssGateFilter.accepted(request).orElseThrow().document());
        String answer = "echo".equals(operation.getLocalName())
                ? operation.getTextContent()
                : CallerView.describe(request.getUserPrincipal(), request::isUserInRole);
        WrappedSoap.respond(response, operation.getLocalName(), answer);
    }
}
