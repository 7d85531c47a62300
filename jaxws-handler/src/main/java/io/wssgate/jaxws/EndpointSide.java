package io.wssgate.jaxws;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.exchange.PackageReply;
import io.wssgate.exchange.Reply;
import io.wssgate.mime.SecuredPackage;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.log.GateMdc;
import io.wssgate.soap.SoapVersion;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's half of {@link WssGateHandler}, a transport over the core's
 * {@link ServerExchange}: applies the exchange's decision on each request before the endpoint
 * runs, and hands it the endpoint's response (or fault) last, just before it goes on the wire.
 */
final class EndpointSide {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointSide.class);
    /** Handler-scoped: the CurrentCaller scope opened for the request, closed with its exchange. */
    private static final String SCOPE_PROPERTY = "io.wssgate.jaxws.callerScope";

    private final ServerExchange exchange;

    EndpointSide(PolicyRuntime policy) {
        this.exchange = new ServerExchange(policy);
    }

    /**
     * Lets an accepted request through as its caller; throws for a rejected one. Where the
     * runtime integration validated the wire bytes already (Metro), its decision is applied;
     * elsewhere the request is validated as the runtime parsed it.
     */
    void validateRequest(SOAPMessageContext context) {
        java.util.Optional<InboundOutcome> decided = WireOutcome.take(context);
        InboundOutcome outcome = decided.isPresent() ? decided.get() : receiveParsed(context);
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw EndpointFaults.reject(context, rejected);
        }
        admit(context, (InboundOutcome.Accepted) outcome);
    }

    /**
     * The message as the runtime parsed it, serialized again: what a JAX-WS handler can see on
     * runtimes where no WSS Gate integration reads the wire bytes. That view may differ from the
     * wire message (see {@link WireOutcome}). A decrypted request replaces the runtime's message.
     */
    private InboundOutcome receiveParsed(SOAPMessageContext context) {
        SOAPMessage message;
        try {
            message = context.getMessage();
        } catch (RuntimeException e) {
            // Metro builds the SAAJ view lazily and fails on some malformed envelopes (e.g. a
            // second Body nested in a header); that is a bad request, never a server error whose
            // exception text reaches the client.
            return exchange.refuse("the runtime cannot read the request: " + e,
                    SoapMessages.versionOfRequest(context).contentType(), ServletDelivery.of(context));
        }
        SoapVersion version = SoapMessages.versionOf(message);
        byte[] bytes;
        try {
            bytes = SoapMessages.toBytes(message);
        } catch (SOAPException | IOException | RuntimeException e) {
            return exchange.refuse("cannot read the request: " + e, version.contentType(), ServletDelivery.of(context));
        }
        InboundOutcome outcome = exchange.receiveDecoded(bytes, version, ServletDelivery.of(context));
        // the core hands back the very array it was given unless decryption changed the message
        if (outcome instanceof InboundOutcome.Accepted accepted && accepted.body() != bytes) {
            try {
                context.setMessage(SoapMessages.fromBytes(accepted.body(), accepted.version()));
            } catch (SOAPException | IOException e) {
                return exchange.refuse(FaultCode.FAILED_CHECK, "cannot pass on the decrypted request: " + e, version);
            }
        }
        return outcome;
    }

    private void admit(SOAPMessageContext context, InboundOutcome.Accepted accepted) {
        context.put(InboundOutcome.Accepted.KEY, accepted);
        context.setScope(InboundOutcome.Accepted.KEY, MessageContext.Scope.APPLICATION);
        // the caller is current, and the request's correlation id, policy and outcome are in the
        // MDC, while the endpoint runs; both end with the exchange
        context.put(SCOPE_PROPERTY, new CallerScope(CurrentCaller.set(accepted.caller()),
                ServerExchange.logContext(accepted)));
        context.setScope(SCOPE_PROPERTY, MessageContext.Scope.HANDLER);
    }

    /**
     * Has the response (or the endpoint's fault) secured when the policy has an outbound
     * section; never lets it out half-secured. Where the runtime integration secures responses
     * at the wire (Metro), it is handed the decision ({@link WireResponse}) and secures the
     * runtime's own message; elsewhere the SAAJ message is secured here. Either way the request's
     * CurrentCaller scope ends here.
     */
    void secureResponse(SOAPMessageContext context) {
        try {
            if (!exchange.securesResponses()) {
                return;
            }
            if (WireResponse.offered(context) && !carriesAttachments(context)) {
                WireResponse.defer(context, WssGateHandler.accepted(context));
            } else {
                secure(context);
            }
        } finally {
            endCallerScope(context);
        }
    }

    /**
     * Whether the endpoint answers with SwA attachments: such a response is secured here, as the
     * package SAAJ writes, because the wire path signs the envelope alone and refuses attachments.
     */
    private static boolean carriesAttachments(SOAPMessageContext context) {
        return context.get(MessageContext.OUTBOUND_MESSAGE_ATTACHMENTS) instanceof java.util.Map<?, ?> parts
                && !parts.isEmpty();
    }

    private void secure(SOAPMessageContext context) {
        SOAPMessage message = context.getMessage();
        SoapVersion version = SoapMessages.versionOf(message);
        if (message.countAttachments() > 0
                && context.get(InboundOutcome.Accepted.KEY) instanceof InboundOutcome.Accepted request) {
            securePackage(context, request, message, version);
            return;
        }
        Reply reply = new WireResponse.Pending(WssGateHandler.accepted(context))
                .secure(exchange, version, () -> SoapMessages.toBytes(message));
        if (reply.isFault()) {
            EndpointFaults.notSecured(context, version, reply);
            return;
        }
        try {
            context.setMessage(SoapMessages.fromBytes(reply.body(), version));
        } catch (SOAPException | IOException e) {
            EndpointFaults.notSecured(context, version,
                    exchange.serverFault(version, "cannot pass on the secured response: " + e.getMessage()));
        }
    }

    /**
     * A response with SwA attachments (the endpoint's {@code OUTBOUND_MESSAGE_ATTACHMENTS}): secured
     * as the package SAAJ writes, its attachments signed (and encrypted) as the policy says, then
     * handed back to the runtime as that package.
     */
    private void securePackage(SOAPMessageContext context, InboundOutcome.Accepted request, SOAPMessage message,
                               SoapVersion version) {
        PackageReply reply;
        try {
            SoapMessages.MimeBytes mime = SoapMessages.mimeBytes(message);
            reply = exchange.replyPackage(request, mime.open(), mime.body().length, mime.contentType());
        } catch (SOAPException | IOException | RuntimeException e) {
            reply = new PackageReply.Fault(exchange.serverFault(version, "cannot read the response: " + e.getMessage()));
        }
        if (reply instanceof PackageReply.Fault fault) {
            EndpointFaults.notSecured(context, version, fault.fault());
            return;
        }
        try (SecuredPackage secured = ((PackageReply.Secured) reply).pkg()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            secured.writeTo(out);
            context.setMessage(SoapMessages.fromPackage(new java.io.ByteArrayInputStream(out.toByteArray()),
                    secured.contentType(), version));
        } catch (SOAPException | IOException e) {
            EndpointFaults.notSecured(context, version,
                    exchange.serverFault(version, "cannot pass on the secured response: " + e.getMessage()));
        }
    }

    /** Ends the request's CurrentCaller scope, if still open; safe to call more than once. */
    void endCallerScope(MessageContext context) {
        if (context.get(SCOPE_PROPERTY) instanceof CallerScope scope) {
            context.remove(SCOPE_PROPERTY);
            scope.close();
        }
    }

    /**
     * A CurrentCaller scope and MDC scope and the thread they were opened on. Closing restores that thread's
     * previous caller and MDC, so it must not run on another thread (an asynchronous runtime could
     * finish the exchange elsewhere): there it would corrupt that thread's state instead.
     */
    private record CallerScope(CurrentCaller.Scope scope, GateMdc.Scope mdc, Thread thread) {
        CallerScope(CurrentCaller.Scope scope, GateMdc.Scope mdc) {
            this(scope, mdc, Thread.currentThread());
        }

        void close() {
            if (Thread.currentThread() == thread) {
                mdc.close();
                scope.close();
            } else {
                LOG.warn("WSS Gate: exchange finished on another thread than it started on; "
                        + "the caller stays current on thread {}", thread.getName());
            }
        }
    }
}
