package io.wssgate;

import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.inbound.HardenedParser;
import io.wssgate.inbound.InboundValidator;
import io.wssgate.inbound.MalformedMessageException;
import io.wssgate.inbound.SoapVersion;
import io.wssgate.inbound.ValidatedMessage;
import io.wssgate.outbound.OutboundContext;
import io.wssgate.xml.Documents;
import io.wssgate.outbound.OutboundSecurer;
import io.wssgate.outbound.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured policy, ready to validate messages. A rejection is logged here, once, with
 * its detail and a fresh correlation id; the caller only sees the code and the id.
 */
public final class GatePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(GatePolicy.class);

    private final PolicyConfig config;
    private final InboundValidator validator;
    private final OutboundSecurer securer;

    private final HardenedParser responseParser;

    private final List<GateObserver> observers;

    GatePolicy(PolicyConfig config, InboundValidator validator, OutboundSecurer securer, List<GateObserver> observers) {
        this.config = config;
        this.observers = List.copyOf(observers);
        this.validator = validator;
        this.securer = securer;
        this.responseParser = new HardenedParser(config.limits());
    }

    public String name() {
        return config.name();
    }

    public PolicyConfig config() {
        return config;
    }

    /**
     * Validates a message's raw bytes. {@code contentType} is only used to pick the SOAP
     * version of a fault for a message too broken to tell.
     */
    public InboundOutcome validate(byte[] message, String contentType) {
        return outcome(message, contentType, () -> validator.validate(message));
    }

    private InboundOutcome outcome(byte[] message, String contentType, Validation validation) {
        long start = System.nanoTime();
        InboundOutcome outcome = decide(message, contentType, validation);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (GateObserver observer : observers) {
            try {
                if (outcome instanceof InboundOutcome.Accepted a) {
                    observer.accepted(config.name(), a.principal(), elapsed);
                } else if (outcome instanceof InboundOutcome.Rejected r) {
                    observer.rejected(config.name(), r.code(), elapsed);
                }
            } catch (RuntimeException e) {
                LOG.warn("observer {} failed: {}", observer, e.toString());
            }
        }
        return outcome;
    }

    private InboundOutcome decide(byte[] message, String contentType, Validation validation) {
        try {
            ValidatedMessage valid = validation.run();
            LOG.debug("WS-Security accepted policy={} principal={}", config.name(), valid.principal());
            byte[] body = valid.decrypted() ? Documents.serialize(valid.envelope().document()) : message;
            return new InboundOutcome.Accepted(valid.caller(), valid.envelope().document(),
                    valid.envelope().version(), body);
        } catch (SecurityFault fault) {
            return reject(fault.code(), fault.getMessage(), fault, SoapVersion.fromContentType(contentType));
        } catch (RuntimeException e) {
            return reject(FaultCode.INVALID_SECURITY, "unexpected failure: " + e, e,
                    SoapVersion.fromContentType(contentType));
        }
    }

    /**
     * Validates a response on the client side: the same inbound rules, and, when the policy
     * asks for SignatureConfirmation, that the response confirms exactly the signatures the
     * request carried ({@code sentSignatureValues}).
     */
    public InboundOutcome validateResponse(byte[] message, String contentType, List<byte[]> sentSignatureValues) {
        return validateResponse(message, contentType, sentSignatureValues, List.of());
    }

    /**
     * The same for a request that also carried signed tokens ({@link
     * io.wssgate.outbound.SecuredMessage#tokenSignatureValues()}): the response may confirm their
     * signatures too, as WSS4J-based servers (Apache CXF) do.
     */
    public InboundOutcome validateResponse(byte[] message, String contentType, List<byte[]> sentSignatureValues,
                                           List<byte[]> sentTokenSignatureValues) {
        Optional<List<byte[]>> confirm = config.outbound().signatureConfirmation()
                ? Optional.of(sentSignatureValues) : Optional.empty();
        return outcome(message, contentType,
                () -> validator.validateResponse(message, confirm, sentTokenSignatureValues));
    }

    /**
     * Secures an outbound message in place per the policy's {@code outbound} section.
     *
     * @throws OutboundSecurityException if it cannot be secured as required: it must not be sent
     */
    public SecuredMessage secureOutbound(Document soap, OutboundContext context) throws OutboundSecurityException {
        try {
            return securer.secure(soap, context);
        } catch (OutboundSecurityException e) {
            LOG.warn("WS-Security could not secure an outbound message, policy={}: {}", config.name(), e.getMessage());
            throw new OutboundSecurityException("policy '" + config.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Secures a response an application wrote, in reply to {@code caller}'s request: parsed with
     * the same hardened parser, secured, serialized.
     *
     * @throws OutboundSecurityException if it is not a SOAP envelope or cannot be secured
     */
    public byte[] secureResponse(byte[] response, AuthenticatedCaller caller) throws OutboundSecurityException {
        Document document;
        try {
            document = responseParser.parse(response).document();
        } catch (MalformedMessageException e) {
            throw new OutboundSecurityException("policy '" + config.name() + "': the response is not a SOAP envelope: "
                    + e.getMessage(), e);
        }
        return Documents.serialize(secureOutbound(document, OutboundContext.forResponse(caller)).document());
    }

    /** Whether this policy adds anything to outbound messages. */
    public boolean securesOutbound() {
        return config.outbound().enabled();
    }

    /** A rejection decided by the adapter (e.g. a refused HTTP method), logged the same way. */
    public InboundOutcome.Rejected reject(FaultCode code, String detail, SoapVersion version) {
        return reject(code, detail, null, version);
    }

    @FunctionalInterface
    private interface Validation {
        ValidatedMessage run() throws SecurityFault;
    }

    private InboundOutcome.Rejected reject(FaultCode code, String detail, Throwable cause, SoapVersion version) {
        String correlationId = UUID.randomUUID().toString();
        LOG.warn("WS-Security rejected message [{}] policy={} fault={}: {}", correlationId, config.name(),
                code.localName(), detail);
        if (cause != null && LOG.isDebugEnabled()) {
            LOG.debug("[" + correlationId + "] cause", cause);
        }
        return new InboundOutcome.Rejected(code, correlationId, version);
    }
}
