package io.wssgate.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.wssgate.CertificateInUse;
import io.wssgate.GateObserver;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts and times every inbound decision of every policy:
 * {@code wssgate.messages{policy, outcome, fault}} and {@code wssgate.validation{policy, outcome}};
 * and, per policy, {@code wssgate.certificates.expiry{policy}}: the seconds until the first
 * certificate the policy relies on expires (after any reload). Tags are bounded sets (policy
 * names from the configuration, two outcomes, the eight wsse fault codes), never the principal,
 * so the meter count cannot grow with traffic.
 *
 * <p>Micrometer is an optional dependency of WSS Gate: an application that uses this class
 * brings {@code io.micrometer:micrometer-core}. Created without arguments (as
 * {@link java.util.ServiceLoader} does for a {@code META-INF/services/io.wssgate.GateObserver}
 * entry) it records to Micrometer's global registry, {@link Metrics#globalRegistry}, to which
 * the application adds its own registries; the Spring Boot starter creates it with the
 * application's registry.
 */
public final class MicrometerGateObserver implements GateObserver {
    public static final String MESSAGES = "wssgate.messages";
    public static final String VALIDATION = "wssgate.validation";
    public static final String CERTIFICATE_EXPIRY = "wssgate.certificates.expiry";
    /** The {@code fault} tag of an accepted message: keeps one tag set for both outcomes. */
    public static final String NO_FAULT = "none";

    private final MeterRegistry registry;
    private final Clock clock;
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    /** Records to {@link Metrics#globalRegistry}. */
    public MicrometerGateObserver() {
        this(Metrics.globalRegistry);
    }

    public MicrometerGateObserver(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    MicrometerGateObserver(MeterRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void started(WssGate gate) {
        for (PolicyRuntime policy : gate.policies()) {
            String name = policy.name();
            gauges.add(Gauge.builder(CERTIFICATE_EXPIRY, gate, g -> secondsUntilFirstExpiry(g, name))
                    .description("Seconds until the first certificate a WSS Gate policy relies on expires")
                    .baseUnit("seconds").tag("policy", name).register(registry));
        }
    }

    @Override
    public void closed(WssGate gate) {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    private double secondsUntilFirstExpiry(WssGate gate, String policy) {
        return gate.certificates().stream().filter(c -> c.policy().equals(policy))
                .map(CertificateInUse::certificate)
                .mapToLong(c -> Duration.between(clock.instant(), c.getNotAfter().toInstant()).toSeconds())
                .min().orElse(Long.MAX_VALUE);
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
