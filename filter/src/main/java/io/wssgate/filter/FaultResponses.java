package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.ServerExchange;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a complete answer of the filter's own in place of the application's: a fault with its correlation id. */
final class FaultResponses {
    private FaultResponses() {
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
