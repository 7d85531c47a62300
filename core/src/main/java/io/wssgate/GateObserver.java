package io.wssgate;

import io.wssgate.config.ConfigProblem;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import java.time.Duration;
import java.util.List;

/**
 * Told about every inbound decision, e.g. to count and time them (Micrometer). Called on the
 * request thread after the decision (key reloads: on the reload thread): implementations must
 * be fast, thread-safe and never throw.
 */
public interface GateObserver {
    default void accepted(String policy, WssPrincipal principal, Duration validationTime) {
    }

    default void rejected(String policy, FaultCode code, Duration validationTime) {
    }

    /** Replaced key or trust files of {@code policy} were loaded and are in force now. */
    default void keyMaterialReloaded(String policy) {
    }

    /** Replaced key or trust files of {@code policy} failed to load; the previous material stays in force. */
    default void keyMaterialRejected(String policy, List<ConfigProblem> problems) {
    }
}
