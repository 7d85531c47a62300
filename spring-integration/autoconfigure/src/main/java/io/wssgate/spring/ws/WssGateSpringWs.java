package io.wssgate.spring.ws;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Hands out Spring-WS client interceptors for the configured policies:
 * {@code template.setInterceptors(new ClientInterceptor[] {springWs.interceptor("orders-client")})}.
 * Every interceptor shares the one engine, so token caches and replay detection are shared.
 */
public final class WssGateSpringWs {
    private final WssGate gate;

    public WssGateSpringWs(WssGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** @throws IllegalArgumentException if there is no policy of that name (a wiring mistake, so fail early) */
    public WssGateClientInterceptor interceptor(String policy) {
        PolicyRuntime found = gate.policy(policy).orElseThrow(() -> new IllegalArgumentException(
                "no WSS Gate policy '" + policy + "'; configured: " + gate.policies().stream()
                        .map(PolicyRuntime::name).collect(Collectors.joining(", "))));
        return new WssGateClientInterceptor(found);
    }
}
