package io.wssgate.filter.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not a service: records the bytes a CXF client sent to {@code echo} and answers "captured", so a
 * test holds a genuine CXF-secured message that no service has seen yet (a tampered copy then
 * meets the real service fresh, not as a replay). It cannot read the operation, since the Body
 * may be encrypted; only {@code echo} is captured.
 */
public class CaptureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicReference<byte[]> LAST = new AtomicReference<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LAST.set(request.getInputStream().readAllBytes());
        WrappedSoap.respond(response, "echo", "captured");
    }
}
