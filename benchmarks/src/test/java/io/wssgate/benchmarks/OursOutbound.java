package io.wssgate.benchmarks;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.identity.AuthenticatedCaller;

/**
 * Our core securing a message exactly as the filter secures a response: the application's
 * bytes are parsed, secured per the policy's {@code outbound} section and serialized.
 */
final class OursOutbound implements OutboundSystem {
    private final PolicyRuntime policy;
    private final AuthenticatedCaller caller;

    OursOutbound(Scenario scenario) {
        this.policy = GateFixture.outbound(scenario);
        // a response answers some validated request; its caller is not used by these policies
        InboundOutcome request = GateFixture.inbound(Scenario.X509)
                .validate(Messages.signed(Scenario.X509, MessageSize.KB_1), Messages.CONTENT_TYPE);
        this.caller = ((InboundOutcome.Accepted) request).caller();
    }

    @Override
    public byte[] secure(byte[] unsecured) throws Exception {
        return policy.secureResponse(unsecured, caller);
    }
}
