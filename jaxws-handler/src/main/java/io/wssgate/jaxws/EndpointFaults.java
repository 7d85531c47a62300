package io.wssgate.jaxws;

import io.wssgate.InboundOutcome;
import io.wssgate.fault.SoapFaultWriter;
import io.wssgate.inbound.SoapVersion;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/** The faults an endpoint answers with: the core's WS-Security fault, or a generic one. */
final class EndpointFaults {
    static final String CORRELATION_HEADER = "X-WSS-Gate-Correlation-Id";
    private static final String NOT_SECURED = "The response could not be secured";

    private EndpointFaults() {
    }

    /**
     * Answers a rejected request with the core's fault, byte for byte, and stops the request.
     *
     * <p>Why set the message and then throw, instead of returning false: for a request that
     * expects no reply (one-way operations, and any request Metro cannot match to a WSDL port),
     * JAX-WS says a handler returning false still lets the message be dispatched to the
     * endpoint, and Metro does exactly that. A {@link SOAPFaultException} stops every request.
     * For a two-way request Metro keeps the message in the context when it already is a fault
     * (SOAPHandlerProcessor.insertFaultMessage), so the client receives our fault as the core
     * wrote it, as HTTP 500, instead of one Metro builds from the exception (with a stack trace).
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
     * Replaces a response that could not be secured by a generic server fault: the client must
     * never receive a half-secured message, nor learn why securing failed.
     */
    static void notSecured(SOAPMessageContext context, SoapVersion version, String correlationId) {
        correlationHeader(context, correlationId);
        try {
            SOAPMessage message = SoapMessages.factory(version).createMessage();
            QName code = version == SoapVersion.SOAP_12 ? SOAPConstants.SOAP_RECEIVER_FAULT
                    : new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Server");
            SOAPFault fault = message.getSOAPBody().addFault(code, NOT_SECURED);
            fault.addDetail().addDetailEntry(new QName(SoapFaultWriter.CORRELATION_NS, "CorrelationId", "wssgate"))
                    .addTextNode(correlationId);
            message.saveChanges();
            context.setMessage(message);
        } catch (SOAPException e) {
            // without even a fault to send, refuse to send anything rather than the unsecured response
            throw new WebServiceException(NOT_SECURED + " (correlation id " + correlationId + ")", e);
        }
    }

    /**
     * The correlation id as an HTTP response header too, as the Servlet filter sends it. Where
     * the runtime has no HTTP response headers the fault still carries the id.
     */
    private static void correlationHeader(MessageContext context, String correlationId) {
        try {
            Map<String, List<String>> headers = new HashMap<>();
            if (context.get(MessageContext.HTTP_RESPONSE_HEADERS) instanceof Map<?, ?> existing) {
                existing.forEach((name, values) -> {
                    if (name instanceof String n && values instanceof List<?> v) {
                        headers.put(n, v.stream().map(String::valueOf).toList());
                    }
                });
            }
            headers.put(CORRELATION_HEADER, List.of(correlationId));
            context.put(MessageContext.HTTP_RESPONSE_HEADERS, headers);
        } catch (RuntimeException e) {
            // not an HTTP transport: nothing to set
        }
    }
}
