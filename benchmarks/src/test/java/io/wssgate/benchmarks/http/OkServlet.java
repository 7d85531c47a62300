package io.wssgate.benchmarks.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application behind the filter: reads the request as an endpoint would and answers a few
 * bytes, so the HTTP numbers are the filter's and the container's cost, not an application's.
 */
public class OkServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        response.setContentType("text/plain");
        response.getOutputStream().write('k');
    }
}
