package io.wssgate.spring;

import io.wssgate.WssGate;
import io.wssgate.jaxws.WssGateClient;
import java.util.Objects;

/**
 * Secures JAX-WS client ports (proxies or {@code Dispatch}, any runtime) with a policy of the
 * application's {@link WssGate}: each request gets the policy's {@code outbound} security
 * (Timestamp, SAML token — self-issued, propagated or from an STS —, signature, encryption) and
 * each response is validated with its inbound rules.
 * <pre>{@code Orders port = clients.secure(service.getPort(Orders.class), "orders-client");}</pre>
 */
public class WssGateClients {
    private final WssGate gate;

    public WssGateClients(WssGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Installs the WSS Gate client handler on the port's binding.
     *
     * @return the port, for chaining
     * @throws IllegalArgumentException if there is no such policy or {@code port} is no JAX-WS port
     */
    public <T> T secure(T port, String policy) {
        return WssGateClient.secure(port, gate, policy);
    }

    /** The engine the ports are secured with. */
    public WssGate gate() {
        return gate;
    }
}
