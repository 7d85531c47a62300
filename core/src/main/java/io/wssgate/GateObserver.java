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
 *
 * <p>The Servlet filter and the JAX-WS handler also find observers without code, through
 * {@link java.util.ServiceLoader}: a {@code META-INF/services/io.wssgate.GateObserver} file in
 * the application naming implementations with a public no-argument constructor, such as the
 * ready-made {@link io.wssgate.observe.JmxGateObserver} and
 * {@link io.wssgate.observe.MicrometerGateObserver}.
 */
public interface GateObserver {
    /** The engine this observer was given to is built and ready, e.g. to publish a view of it. */
    default void started(WssGate gate) {
    }

    /** The engine was closed; nothing more will be reported. */
    default void closed(WssGate gate) {
    }

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
