package io.wssgate.filter;

import io.wssgate.GatePolicy;
import io.wssgate.InboundOutcome;
import io.wssgate.fault.SoapFaultWriter;
import io.wssgate.inbound.SoapVersion;
import io.wssgate.outbound.OutboundSecurityException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the application with its response buffered, then secures the response per the policy
 * (signature, encryption, SignatureConfirmation of the request) before anything is sent. A
 * response that cannot be secured is replaced by a complete generic SOAP fault, never sent
 * half-written or unsecured; the reason goes to the log under the fault's correlation id.
 */
final class SecuredResponses {
    private static final Logger LOG = LoggerFactory.getLogger(SecuredResponses.class);

    private SecuredResponses() {
    }

    static void run(GatePolicy policy, InboundOutcome.Accepted accepted, HttpServletRequest request,
                    HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        BufferedResponse buffered = new BufferedResponse(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.body();
        if (body.length == 0) {
            response.flushBuffer();
            return;
        }
        byte[] secured;
        try {
            secured = policy.secureResponse(body, accepted.caller());
        } catch (OutboundSecurityException | RuntimeException e) {
            String correlationId = UUID.randomUUID().toString();
            LOG.error("WS-Security could not secure the response [{}] policy={}: {}", correlationId, policy.name(),
                    e.getMessage());
            byte[] fault = SoapFaultWriter.serverFault(accepted.version() == SoapVersion.SOAP_12, correlationId);
            response.reset();
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType(accepted.version().contentType());
            response.setHeader("X-WSS-Gate-Correlation-Id", correlationId);
            write(response, fault);
            return;
        }
        write(response, secured);
    }

    private static void write(HttpServletResponse response, byte[] bytes) throws IOException {
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
