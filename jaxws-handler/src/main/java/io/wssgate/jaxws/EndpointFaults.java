package io.wssgate.jaxws;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.Reply;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.soap.SoapVersion;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The faults an endpoint answers with: the core's WS-Security fault, or a generic one. */
final class EndpointFaults {
    private EndpointFaults() {
    }

    /**
     * Answers a rejected request with the core's fault and stops the request; returns what to throw.
     *
     * <p>Why throw instead of returning false: when a request expects no reply, JAX-WS
     * dispatches the message to the endpoint even if a handler returned false. Metro decides
     * that from the WSDL, and without one (a Provider endpoint with no WSDL) treats every request
     * so: the Provider would be invoked, with the fault as its request. A
     * {@link SOAPFaultException} stops every request; for those that expect no reply Metro then
     * answers HTTP 202 without a body. For the others Metro keeps the message already in the
     * context when it is a fault (SOAPHandlerProcessor.insertFaultMessage), so the client
     * receives the core's fault (its code, text and correlation id) as HTTP 500, not one Metro
     * would build from the exception.
     */
    static RuntimeException reject(SOAPMessageContext context, InboundOutcome.Rejected rejected) {
        correlationHeader(context, rejected.correlationId());
        try {
            SOAPMessage fault = SoapMessages.fromBytes(rejected.faultMessage(), rejected.version());
            context.setMessage(fault);
            return new SOAPFaultException(fault.getSOAPBody().getFault());
        } catch (SOAPException | IOException e) {
            // still refuses the request, only with the runtime's own fault
            return new WebServiceException("WS-Security rejected the request (correlation id "
                    + rejected.correlationId() + ")", e);
        }
    }

    /**
     * Replaces a response that could not be secured by the exchange's generic server fault (as
     * the filter sends): the client must never receive a half-secured message, nor learn why.
     */
    static void notSecured(SOAPMessageContext context, SoapVersion version, Reply fault) {
        String correlationId = fault.correlationId().orElseThrow();
        correlationHeader(context, correlationId);
        try {
            context.setMessage(SoapMessages.fromBytes(fault.body(), version));
        } catch (SOAPException | IOException e) {
            // without even a fault to send, refuse to send anything rather than the unsecured response
            throw new WebServiceException("The response could not be secured (correlation id " + correlationId + ")", e);
        }
    }

    /**
     * The correlation id as an HTTP response header too, as the Servlet filter sends it. Where
     * the runtime has no HTTP response headers the fault still carries the id.
     */
    static void correlationHeader(Map<String, Object> context, String correlationId) {
        try {
            Map<String, List<String>> headers = new HashMap<>();
            if (context.get(MessageContext.HTTP_RESPONSE_HEADERS) instanceof Map<?, ?> existing) {
                existing.forEach((name, values) -> {
                    if (name instanceof String n && values instanceof List<?> v) {
                        headers.put(n, v.stream().map(String::valueOf).toList());
                    }
                });
            }
            headers.put(ServerExchange.CORRELATION_HEADER, List.of(correlationId));
            context.put(MessageContext.HTTP_RESPONSE_HEADERS, headers);
        } catch (RuntimeException e) {
            // not an HTTP transport: nothing to set
        }
    }
}
