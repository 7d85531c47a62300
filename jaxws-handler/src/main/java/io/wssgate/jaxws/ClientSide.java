package io.wssgate.jaxws;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.exchange.ClientCall;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.SoapActions;
import jakarta.xml.ws.BindingProvider;
import java.util.Optional;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.soap.SoapVersion;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.IOException;

/**
 * The client's half of {@link WssGateHandler}, a transport over the core's {@link ClientCall}:
 * has each request secured last before it is sent, and each response (or fault) validated first
 * when it arrives. Any failure surfaces as a {@link WebServiceException} from the port's method,
 * so no request goes out unsecured and no unvalidated response reaches the application.
 */
final class ClientSide {
    private final PolicyRuntime policy;

    ClientSide(PolicyRuntime policy) {
        this.policy = policy;
    }

    /** Secures the request per the policy; the call is kept (handler scope) for its response. */
    void secureRequest(SOAPMessageContext context) {
        ClientCall call = new ClientCall(policy);
        context.put(ClientCall.KEY, call);
        context.setScope(ClientCall.KEY, MessageContext.Scope.HANDLER);
        if (!policy.securesOutbound()) {
            return;
        }
        if (Boolean.TRUE.equals(context.get(OptimisedRequest.CODEC_PRESENT))
                && policy.config().outbound().encryption().isEmpty()) {
            // an MTOM port on Metro: the codec secures the package Metro's encoder writes, its
            // content kept optimised; reading the message here would inline it. A policy that
            // encrypts keeps the inline form: MTOM content cannot be encrypted optimised
            context.put(OptimisedRequest.KEY, new OptimisedRequest(call, requestDelivery(context)));
            context.setScope(OptimisedRequest.KEY, MessageContext.Scope.HANDLER);
            return;
        }
        SOAPMessage message = context.getMessage();
        SoapVersion version = SoapMessages.versionOf(message);
        try {
            if (message.countAttachments() > 0) {
                // SwA: the envelope is secured (its signature covering the attachments where the
                // policy says so) and replaced in place; the attachments go out as they are, or
                // encrypted where the policy encrypts them
                java.util.List<io.wssgate.spi.OutboundAttachment> given = SoapMessages.attachments(message);
                byte[] secured = call.secureRequest(SoapMessages.envelopeBytes(message), requestDelivery(context),
                        given);
                if (!call.sentAttachments().equals(given)) {
                    SoapMessages.replaceAttachments(message, call.sentAttachments());
                }
                SoapMessages.replaceEnvelope(message, secured);
            } else {
                context.setMessage(SoapMessages.fromBytes(call.secureRequest(SoapMessages.toBytes(message),
                        requestDelivery(context)), version));
            }
        } catch (OutboundSecurityException | SOAPException | IOException e) {
            throw new WebServiceException("WS-Security policy '" + policy.name()
                    + "' could not secure the request, so it was not sent: " + e.getMessage(), e);
        }
    }

    /**
     * Where the request goes and the SOAPAction it names, for a wsa:To and wsa:Action the policy
     * leaves to the call ({@code outbound.addressing}): the port's endpoint address and SOAPAction
     * properties.
     */
    private static Delivery requestDelivery(SOAPMessageContext context) {
        Object address = context.get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY);
        Object action = context.get(BindingProvider.SOAPACTION_URI_PROPERTY);
        return new Delivery(Optional.ofNullable(address).map(String::valueOf), Optional.empty(),
                SoapActions.of(action == null ? null : String.valueOf(action), null));
    }

    /**
     * Validates the response with the policy's inbound rules; who answered is put in the port's
     * response context as the accepted message ({@link InboundOutcome.Accepted#KEY}).
     */
    void validateResponse(SOAPMessageContext context) {
        SOAPMessage message = context.getMessage();
        SoapVersion version = SoapMessages.versionOf(message);
        if (message.countAttachments() > 0) {
            validatePackage(context, message, version);
            return;
        }
        byte[] bytes;
        try {
            bytes = SoapMessages.toBytes(message);
        } catch (SOAPException | IOException e) {
            throw new WebServiceException("WS-Security policy '" + policy.name()
                    + "' cannot read the response: " + e.getMessage(), e);
        }
        // a response without a request of ours (none recorded) must confirm nothing we sent
        ClientCall call = context.get(ClientCall.KEY) instanceof ClientCall c ? c : new ClientCall(policy);
        InboundOutcome outcome = call.acceptResponse(bytes, version.contentType());
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
        context.put(InboundOutcome.Accepted.KEY, accepted);
        context.setScope(InboundOutcome.Accepted.KEY, MessageContext.Scope.APPLICATION);
    }

    /**
     * A response with SwA attachments: validated as the package SAAJ writes, as a server validates
     * a request in one (the client policy must enable {@code attachments}: every attachment covered
     * by the server's signature); the application then reads the package as accepted (decrypted
     * attachments as plaintext).
     */
    private void validatePackage(SOAPMessageContext context, SOAPMessage message, SoapVersion version) {
        ClientCall call = context.get(ClientCall.KEY) instanceof ClientCall c ? c : new ClientCall(policy);
        InboundOutcome outcome;
        SoapMessages.MimeBytes mime;
        try {
            mime = SoapMessages.mimeBytes(message);
            outcome = call.acceptResponse(mime.open(), mime.body().length, mime.contentType());
        } catch (SOAPException | IOException e) {
            throw new WebServiceException("WS-Security policy '" + policy.name()
                    + "' cannot read the response: " + e.getMessage(), e);
        }
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw new WebServiceException("WS-Security response rejected: wsse:" + rejected.code().localName()
                    + " (correlation id " + rejected.correlationId() + ")");
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        try (java.io.InputStream in = accepted.openApplicationBody()) {
            context.setMessage(SoapMessages.fromPackage(in, mime.contentType(), accepted.version()));
        } catch (SOAPException | IOException e) {
            throw new WebServiceException("WS-Security policy '" + policy.name()
                    + "' cannot pass on the response: " + e.getMessage(), e);
        } finally {
            accepted.release();
        }
        context.put(InboundOutcome.Accepted.KEY, accepted);
        context.setScope(InboundOutcome.Accepted.KEY, MessageContext.Scope.APPLICATION);
    }
}
