package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.exchange.Replies;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The servlet application of the plain and filter servers: reads the whole request, as an
 * application does, and answers the same acknowledgement the JAX-WS endpoints answer, naming the
 * caller the container knows (none without the filter).
 */
public class AckServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().transferTo(OutputStream.nullOutputStream());
        String caller = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        byte[] ack = Replies.ack(caller);
        response.setContentType("text/xml; charset=UTF-8");
        response.setContentLength(ack.length);
        response.getOutputStream().write(ack);
    }
}
