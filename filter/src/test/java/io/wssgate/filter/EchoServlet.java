package io.wssgate.filter;

import io.wssgate.identity.WssPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind the filter in the end-to-end tests: echoes the request body and
 * reports, in headers, what the Servlet API tells it about the caller. Counts invocations so
 * tests can prove a rejected message never reached it.
 */
public class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        java.util.Optional<io.wssgate.InboundOutcome.Accepted> accepted = WssGateFilter.accepted(request);
        WssPrincipal principal = accepted.map(a -> a.principal()).orElse(null);
        response.setHeader("X-Principal", request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName());
        response.setHeader("X-Remote-User", String.valueOf(request.getRemoteUser()));
        response.setHeader("X-Auth-Type", String.valueOf(request.getAuthType()));
        response.setHeader("X-Roles", principal == null ? "" : String.join(",", new TreeSet<>(principal.roles())));
        response.setHeader("X-In-Role-Admin", String.valueOf(request.isUserInRole("admin")));
        response.setHeader("X-Token-Type", principal == null ? "" : principal.tokenType().name());
        response.setHeader("X-Confirmation", principal == null ? ""
                : principal.confirmationMethod().map(m -> m.key()).orElse(""));
        response.setHeader("X-Issuer", principal == null ? "" : principal.issuer().orElse(""));
        response.setHeader("X-Policy", accepted.map(a -> a.policy()).orElse("null"));
        response.setHeader("X-Document", String.valueOf(accepted.map(a -> a.document()).isPresent()));
        response.setHeader("X-Correlation-Id", accepted.map(a -> a.correlationId()).orElse("null"));
        response.setContentType("application/octet-stream");
        request.getInputStream().transferTo(response.getOutputStream());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        response.setContentType("text/xml");
        response.getWriter().write("<definitions/>");
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        response.getWriter().write("put reached the application");
    }
}
