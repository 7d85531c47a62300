package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.ServerExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a complete answer of the filter's own in place of the application's: a fault with its correlation id. */
final class FaultResponses {
    private FaultResponses() {
    }

    /**
     * Says {@code Connection: close} on an HTTP/1.x answer to a request whose body was not read to
     * its end. The container will not reuse such a connection (Jetty closes it once the answer is
     * out; Tomcat beyond its swallow limit), but a fault is committed before the container can
     * say so itself: without the header a keep-alive client sends its next request into a
     * connection that is being closed and gets no answer at all. Must run before the answer is
     * committed.
     */
    static void endConnectionIfUnread(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted() || !request.getProtocol().startsWith("HTTP/1.")) {
            return;
        }
        try {
            if (!request.getInputStream().isFinished()) {
                response.setHeader("Connection", "close");
            }
        } catch (IOException | IllegalStateException e) {
            // the body was taken as a Reader, or cannot be read: whether it was read to its end is unknown, so end it
            response.setHeader("Connection", "close");
        }
    }

    /** A rejection as its WS-Security SOAP fault. */
    static void send(HttpServletResponse response, int status, InboundOutcome.Rejected rejected) throws IOException {
        send(response, status, rejected.contentType(), rejected.correlationId(), rejected.faultMessage());
    }

    /** Any fault of the filter's: whatever the application buffered is discarded. */
    static void send(HttpServletResponse response, int status, String contentType, String correlationId,
                     byte[] fault) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(fault.length);
        response.setHeader(ServerExchange.CORRELATION_HEADER, correlationId);
        response.getOutputStream().write(fault);
        response.flushBuffer();
    }
}
