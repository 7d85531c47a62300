package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a rejection as a complete SOAP fault response. */
final class FaultResponses {
    private FaultResponses() {
    }

    static void send(HttpServletResponse response, int status, InboundOutcome.Rejected rejected) throws IOException {
        byte[] fault = rejected.faultMessage();
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(rejected.contentType());
        response.setContentLength(fault.length);
        response.setHeader("X-WSS-Gate-Correlation-Id", rejected.correlationId());
        response.getOutputStream().write(fault);
        response.flushBuffer();
    }
}
