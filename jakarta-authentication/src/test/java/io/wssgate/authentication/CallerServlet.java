package io.wssgate.authentication;

import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind the container's security: reports in headers what the container tells
 * it about the caller (user, auth type, roles) and echoes the body it reads. Counts invocations
 * so a test can prove a refused message never reached it. Uses the Servlet API only (and
 * WssGateFilter's accessor), so it also runs from the test class path beside a WAR whose WSS Gate
 * classes come from WEB-INF/lib.
 */
public class CallerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        response.setHeader("X-Principal", request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName());
        response.setHeader("X-Remote-User", String.valueOf(request.getRemoteUser()));
        response.setHeader("X-Auth-Type", String.valueOf(request.getAuthType()));
        response.setHeader("X-In-Role-Clerk", String.valueOf(request.isUserInRole("clerk")));
        response.setHeader("X-In-Role-Admin", String.valueOf(request.isUserInRole("admin")));
        // role names of the application, mapped by web.xml's security-role-ref (role-link)
        response.setHeader("X-In-Role-Order-Desk", String.valueOf(request.isUserInRole("order-desk")));
        response.setHeader("X-In-Role-Back-Office", String.valueOf(request.isUserInRole("back-office")));
        response.setHeader("X-Policy", WssGateFilter.accepted(request).map(a -> a.policy()).orElse(""));
        response.setContentType("application/octet-stream");
        request.getInputStream().transferTo(response.getOutputStream());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        response.setContentType("text/xml");
        response.getWriter().write("<definitions/>");
    }
}
