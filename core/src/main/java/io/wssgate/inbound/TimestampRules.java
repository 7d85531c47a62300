package io.wssgate.inbound;

import io.wssgate.config.TimestampPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import org.apache.wss4j.dom.message.token.Timestamp;

/**
 * What WSS4J leaves to us about the Timestamp: that one is present when required, that
 * there is at most one, and that Expires (when present) is after Created. Freshness and
 * future skew are checked while WSS4J processes the header ({@link TimestampFreshness}, with
 * the policy's settings and clock), replay by {@link ReplayGuard}.
 */
final class TimestampRules {
    private final TimestampPolicy policy;

    TimestampRules(TimestampPolicy policy) {
        this.policy = policy;
    }

    void check(SecurityResults results) throws SecurityFault {
        if (results.timestamps().size() > 1) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "more than one Timestamp");
        }
        if (results.timestamps().isEmpty()) {
            if (policy.required()) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "Timestamp required but missing");
            }
            return;
        }
        Timestamp ts = results.timestamps().get(0);
        if (ts.getCreated() == null) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "Timestamp without Created");
        }
        if (ts.getExpires() != null && !ts.getExpires().isAfter(ts.getCreated())) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "Timestamp Expires is not after Created");
        }
    }
}
