package io.wssgate.examples.wildfly;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A plain servlet behind WSS Gate's Jakarta Authentication module that asks the container for its
 * own role name order-desk, which web.xml's {@code <security-role-ref>} links to the group clerk WSS
 * Gate hands over: the container's role mapping, not WSS Gate's, answers it.
 */
public class RolesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(Callers.describe(request.getUserPrincipal(), request::isUserInRole)
                + ";order-desk=" + request.isUserInRole("order-desk"));
    }
}
