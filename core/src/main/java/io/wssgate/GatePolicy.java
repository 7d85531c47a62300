package io.wssgate;

import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.InboundValidator;
import io.wssgate.inbound.SoapVersion;
import io.wssgate.inbound.ValidatedMessage;
import java.util.UUID;
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
            return new InboundOutcome.Accepted(valid.principal(), valid.envelope().document(),
                    valid.envelope().version(), body);
        } catch (SecurityFault fault) {
            return reject(fault.code(), fault.getMessage(), fault, SoapVersion.fromContentType(contentType));
        } catch (RuntimeException e) {
            return reject(FaultCode.INVALID_SECURITY, "unexpected failure: " + e, e,
                    SoapVersion.fromContentType(contentType));
        }
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
