package io.wssgate.fips;

import io.wssgate.InboundOutcome;
import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind the filter in the FIPS-mode HTTP round trips: echoes the (decrypted)
 * request body and reports the caller the filter established in headers; counts invocations so a
 * test can prove a refused message never reached it.
 */
public class FipsEchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        Optional<InboundOutcome.Accepted> accepted = WssGateFilter.accepted(request);
        response.setHeader("X-Principal", request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName());
        response.setHeader("X-Confirmation", accepted.flatMap(a -> a.principal().confirmationMethod())
                .map(m -> m.key()).orElse(""));
        response.setContentType("text/xml");
        request.getInputStream().transferTo(response.getOutputStream());
    }
}
