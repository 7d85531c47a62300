package io.wssgate.jaxws;

import io.wssgate.GatePolicy;
import io.wssgate.InboundOutcome;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.inbound.SoapVersion;
import io.wssgate.outbound.OutboundSecurityException;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's half of {@link WssGateHandler}: validates each request before the endpoint
 * runs, and secures its response (or fault) last, just before it goes on the wire.
 */
final class EndpointSide {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointSide.class);
    /** Handler-scoped: the CurrentCaller scope opened for the request, closed with its exchange. */
    private static final String SCOPE_PROPERTY = "io.wssgate.jaxws.callerScope";

    private final GatePolicy policy;

    EndpointSide(GatePolicy policy) {
        this.policy = policy;
    }

    /**
     * Lets an accepted request through as its caller; throws for a rejected one. Where the
     * runtime integration validated the wire bytes already (Metro), its decision is applied;
     * elsewhere the handler validates the runtime's view of the message itself.
     */
    void validateRequest(SOAPMessageContext context) {
        java.util.Optional<InboundOutcome> decided = WireOutcome.take(context);
        if (decided.isPresent()) {
            apply(context, decided.get());
        } else {
            validateSoapMessage(context);
        }
    }

    private void apply(SOAPMessageContext context, InboundOutcome outcome) {
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw EndpointFaults.reject(context, rejected);
        }
        admit(context, (InboundOutcome.Accepted) outcome);
    }

    /**
     * Validates the message as the runtime parsed it, serialized again: what a JAX-WS handler
     * can see on runtimes where no WSS Gate integration reads the wire bytes. That view may
     * differ from the wire message (see {@link WireOutcome}).
     */
    private void validateSoapMessage(SOAPMessageContext context) {
        SOAPMessage message;
        try {
            message = context.getMessage();
        } catch (RuntimeException e) {
            // Metro builds the SAAJ view lazily and fails on some malformed envelopes (e.g. a
            // second Body nested in a header); that is a bad request, never a server error whose
            // exception text reaches the client.
            throw EndpointFaults.reject(context, policy.reject(FaultCode.INVALID_SECURITY,
                    "the runtime cannot read the request: " + e, SoapMessages.versionOfRequest(context)));
        }
        SoapVersion version = SoapMessages.versionOf(message);
        byte[] bytes;
        InboundOutcome outcome;
        try {
            bytes = SoapMessages.toBytes(message);
            outcome = policy.validate(bytes, version.contentType(), ServletDelivery.of(context));
        } catch (SOAPException | IOException | RuntimeException e) {
            throw EndpointFaults.reject(context, policy.reject(FaultCode.INVALID_SECURITY,
                    "cannot read the request: " + e, version));
        }
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw EndpointFaults.reject(context, rejected);
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        // the core hands back the very array it was given unless decryption changed the message
        if (accepted.body() != bytes) {
            try {
                context.setMessage(SoapMessages.fromBytes(accepted.body(), accepted.version()));
            } catch (SOAPException | IOException e) {
                throw EndpointFaults.reject(context, policy.reject(FaultCode.FAILED_CHECK,
                        "cannot pass on the decrypted request: " + e, version));
            }
        }
        admit(context, accepted);
    }

    private void admit(SOAPMessageContext context, InboundOutcome.Accepted accepted) {
        putForApplication(context, WssGateHandler.PRINCIPAL_PROPERTY, accepted.principal());
        putForApplication(context, WssGateHandler.CALLER_PROPERTY, accepted.caller());
        context.put(SCOPE_PROPERTY, new CallerScope(CurrentCaller.set(accepted.caller())));
        context.setScope(SCOPE_PROPERTY, MessageContext.Scope.HANDLER);
    }

    /**
     * Secures the response (or the endpoint's fault) when the policy has an outbound section;
     * never lets it out half-secured. Either way the request's CurrentCaller scope ends here.
     */
    void secureResponse(SOAPMessageContext context) {
        try {
            if (policy.securesOutbound()) {
                secure(context);
            }
        } finally {
            endCallerScope(context);
        }
    }

    private void secure(SOAPMessageContext context) {
        SOAPMessage message = context.getMessage();
        SoapVersion version = SoapMessages.versionOf(message);
        try {
            if (!(context.get(WssGateHandler.CALLER_PROPERTY) instanceof AuthenticatedCaller caller)) {
                // only a request this handler accepted can have a response to secure
                throw new OutboundSecurityException("no validated request for this response");
            }
            byte[] secured = policy.secureResponse(SoapMessages.toBytes(message), caller);
            context.setMessage(SoapMessages.fromBytes(secured, version));
        } catch (OutboundSecurityException | SOAPException | IOException | RuntimeException e) {
            String correlationId = UUID.randomUUID().toString();
            LOG.error("WS-Security could not secure the response [{}] policy={}: {}", correlationId, policy.name(),
                    e.getMessage());
            EndpointFaults.notSecured(context, version, correlationId);
        }
    }

    /** Ends the request's CurrentCaller scope, if still open; safe to call more than once. */
    void endCallerScope(MessageContext context) {
        if (context.get(SCOPE_PROPERTY) instanceof CallerScope scope) {
            context.remove(SCOPE_PROPERTY);
            scope.close();
        }
    }

    private static void putForApplication(MessageContext context, String name, Object value) {
        context.put(name, value);
        context.setScope(name, MessageContext.Scope.APPLICATION);
    }

    /**
     * A CurrentCaller scope and the thread it was opened on. Closing restores that thread's
     * previous caller, so it must not run on another thread (an asynchronous runtime could
     * finish the exchange elsewhere): there it would corrupt that thread's state instead.
     */
    private record CallerScope(CurrentCaller.Scope scope, Thread thread) {
        CallerScope(CurrentCaller.Scope scope) {
            this(scope, Thread.currentThread());
        }

        void close() {
            if (Thread.currentThread() == thread) {
                scope.close();
            } else {
                LOG.warn("WSS Gate: exchange finished on another thread than it started on; "
                        + "the caller stays current on thread {}", thread.getName());
            }
        }
    }
}
