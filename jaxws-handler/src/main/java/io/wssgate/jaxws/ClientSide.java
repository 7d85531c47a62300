package io.wssgate.jaxws;

import io.wssgate.xml.Documents;
import io.wssgate.GatePolicy;
import io.wssgate.InboundOutcome;
import io.wssgate.inbound.SoapVersion;
import io.wssgate.outbound.OutboundContext;
import io.wssgate.outbound.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's half of {@link WssGateHandler}: secures each request last before it is sent,
 * and validates the response (or fault) first when it arrives. Any failure surfaces as a
 * {@link WebServiceException} from the port's method, so no request goes out unsecured and
 * no unvalidated response reaches the application.
 */
final class ClientSide {
    /** Handler-scoped: the request's signature values, which the response must confirm. */
    private static final String SENT_SIGNATURES_PROPERTY = "io.wssgate.jaxws.sentSignatureValues";
    private static final String SENT_TOKEN_SIGNATURES_PROPERTY = "io.wssgate.jaxws.sentTokenSignatureValues";

    private final GatePolicy policy;

    ClientSide(GatePolicy policy) {
        this.policy = policy;
    }

    /** Secures the request when the policy has an outbound section; otherwise it goes out as it is. */
    void secureRequest(SOAPMessageContext context) {
        if (!policy.securesOutbound()) {
            return;
        }
        SOAPMessage message = context.getMessage();
        SoapVersion version = SoapMessages.versionOf(message);
        try {
            SecuredMessage secured = policy.secureOutbound(Documents.parse(SoapMessages.toBytes(message)),
                    OutboundContext.forRequest());
            context.setMessage(SoapMessages.fromBytes(Documents.serialize(secured.document()), version));
            context.put(SENT_SIGNATURES_PROPERTY, secured.signatureValues());
            context.setScope(SENT_SIGNATURES_PROPERTY, MessageContext.Scope.HANDLER);
            context.put(SENT_TOKEN_SIGNATURES_PROPERTY, secured.tokenSignatureValues());
            context.setScope(SENT_TOKEN_SIGNATURES_PROPERTY, MessageContext.Scope.HANDLER);
        } catch (OutboundSecurityException | SOAPException | IOException e) {
            throw new WebServiceException("WS-Security policy '" + policy.name()
                    + "' could not secure the request, so it was not sent: " + e.getMessage(), e);
        }
    }

    /**
     * Validates the response with the policy's inbound rules. A SOAP fault from the server goes
     * through the same rules: an unsigned fault (such as the WS-Security fault a server sends
     * when it rejects our request) is itself rejected, since nothing proves who wrote it.
     */
    void validateResponse(SOAPMessageContext context) {
        SOAPMessage message = context.getMessage();
        SoapVersion version = SoapMessages.versionOf(message);
        byte[] bytes;
        try {
            bytes = SoapMessages.toBytes(message);
        } catch (SOAPException | IOException e) {
            throw new WebServiceException("WS-Security policy '" + policy.name()
                    + "' cannot read the response: " + e.getMessage(), e);
        }
        InboundOutcome outcome = policy.validateResponse(bytes, version.contentType(),
                byteArrays(context, SENT_SIGNATURES_PROPERTY), byteArrays(context, SENT_TOKEN_SIGNATURES_PROPERTY));
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw new WebServiceException("WS-Security response rejected: wsse:" + rejected.code().localName()
                    + " (correlation id " + rejected.correlationId() + ")");
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        if (accepted.body() != bytes) { // decrypted: the application reads the plaintext
            try {
                context.setMessage(SoapMessages.fromBytes(accepted.body(), accepted.version()));
            } catch (SOAPException | IOException e) {
                throw new WebServiceException("WS-Security policy '" + policy.name()
                        + "' cannot pass on the decrypted response: " + e.getMessage(), e);
            }
        }
        // who answered, in the port's response context
        context.put(WssGateHandler.PRINCIPAL_PROPERTY, accepted.principal());
        context.setScope(WssGateHandler.PRINCIPAL_PROPERTY, MessageContext.Scope.APPLICATION);
    }

    private static List<byte[]> byteArrays(MessageContext context, String property) {
        List<byte[]> values = new ArrayList<>();
        if (context.get(property) instanceof List<?> sent) {
            for (Object value : sent) {
                if (value instanceof byte[] bytes) {
                    values.add(bytes);
                }
            }
        }
        return values;
    }
}
