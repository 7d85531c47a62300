package io.wssgate.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wssgate.GateObserver;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import java.time.Duration;
import java.util.Objects;

/**
 * Counts and times every inbound decision of every policy:
 * {@code wssgate.messages{policy, outcome, fault}} and {@code wssgate.validation{policy, outcome}}.
 * Tags are bounded sets (policy names from the configuration, two outcomes, the eight wsse
 * fault codes), never the principal, so the meter count cannot grow with traffic.
 */
public final class MicrometerGateObserver implements GateObserver {
    public static final String MESSAGES = "wssgate.messages";
    public static final String VALIDATION = "wssgate.validation";
    /** The {@code fault} tag of an accepted message: keeps one tag set for both outcomes. */
    public static final String NO_FAULT = "none";

    private final MeterRegistry registry;

    public MicrometerGateObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void accepted(String policy, WssPrincipal principal, Duration validationTime) {
        record(policy, "accepted", NO_FAULT, validationTime);
    }

    @Override
    public void rejected(String policy, FaultCode code, Duration validationTime) {
        record(policy, "rejected", code.localName(), validationTime);
    }

    // Builders re-resolve the registered meter each time: a map lookup, and no meters cached
    // here, so a registry that is cleared or filtered later still sees consistent meters.
    private void record(String policy, String outcome, String fault, Duration validationTime) {
        Counter.builder(MESSAGES)
                .description("SOAP messages decided by WSS Gate")
                .tag("policy", policy).tag("outcome", outcome).tag("fault", fault)
                .register(registry).increment();
        Timer.builder(VALIDATION)
                .description("Time WSS Gate spent validating a message")
                .tag("policy", policy).tag("outcome", outcome)
                .register(registry).record(validationTime);
    }

    @Override
    public String toString() {
        return "MicrometerGateObserver[" + registry.getClass().getSimpleName() + "]";
    }
}
