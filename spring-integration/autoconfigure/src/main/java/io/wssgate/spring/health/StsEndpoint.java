package io.wssgate.spring.health;

import io.wssgate.WssGate;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** An STS a policy depends on: for its outbound token, or to validate inbound assertions. */
record StsEndpoint(String policy, String use, URI endpoint) {

    static List<StsEndpoint> of(WssGate gate) {
        List<StsEndpoint> out = new ArrayList<>();
        for (PolicyConfig policy : gate.config().policies()) {
            if (policy.outbound().token().orElse(null) instanceof OutboundToken.FromSts sts) {
                out.add(new StsEndpoint(policy.name(), "outbound-token", sts.sts().endpoint()));
            }
            policy.saml().stsValidation().ifPresent(v ->
                    out.add(new StsEndpoint(policy.name(), "saml-validation", v.endpoint())));
        }
        return out;
    }
}
