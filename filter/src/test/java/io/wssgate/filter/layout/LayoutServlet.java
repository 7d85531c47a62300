package io.wssgate.filter.layout;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The application behind the filter in the layout tests: counts invocations and reports the principal it saw. */
public class LayoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INVOCATIONS = new AtomicInteger();
    static final List<String> PRINCIPALS = new CopyOnWriteArrayList<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        Principal principal = request.getUserPrincipal();
        String name = principal == null ? "" : principal.getName();
        PRINCIPALS.add(name);
        response.setHeader("X-Principal", name);
        response.setContentType("text/plain");
        response.getWriter().write("reached the application as '" + name + "'");
    }
}
