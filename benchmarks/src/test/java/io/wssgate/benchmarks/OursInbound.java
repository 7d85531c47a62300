package io.wssgate.benchmarks;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;

/** Our core pipeline exactly as the filter and the JAX-WS handler call it. */
final class OursInbound implements InboundSystem {
    private final PolicyRuntime policy;

    OursInbound(Scenario scenario) {
        this(scenario, MessageSize.KB_1);
    }

    /** A message beyond the default limits is validated by the policy that raises them (and only by it). */
    OursInbound(Scenario scenario, MessageSize size) {
        this(size.withinDefaultLimits() ? GateFixture.inbound(scenario) : GateFixture.inboundLarge(scenario));
    }

    OursInbound(PolicyRuntime policy) {
        this.policy = policy;
    }

    @Override
    public Object validate(byte[] message) throws MessageRejected {
        InboundOutcome outcome = policy.validate(message, Messages.CONTENT_TYPE);
        if (outcome instanceof InboundOutcome.Accepted accepted) {
            return accepted.principal();
        }
        throw new MessageRejected("rejected: " + ((InboundOutcome.Rejected) outcome).code());
    }
}
