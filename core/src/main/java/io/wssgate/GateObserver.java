package io.wssgate;

import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import java.time.Duration;

/**
 * Told about every inbound decision, e.g. to count and time them (Micrometer). Called on the
 * request thread after the decision: implementations must be fast, thread-safe and never throw.
 */
public interface GateObserver {
    default void accepted(String policy, WssPrincipal principal, Duration validationTime) {
    }

    default void rejected(String policy, FaultCode code, Duration validationTime) {
    }
}
