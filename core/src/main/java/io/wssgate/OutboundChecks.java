package io.wssgate;

import io.wssgate.config.ConfirmationMethod;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;

/** Outbound settings that only make sense together, checked at start-up like everything else. */
final class OutboundChecks {
    private OutboundChecks() {
    }

    static void check(PolicyConfig policy, Problems problems) {
        String at = "policies." + policy.name() + ".outbound";
        OutboundPolicy outbound = policy.outbound();
        if (outbound.token().orElse(null) instanceof OutboundToken.SelfIssued selfIssued) {
            ConfirmationMethod method = selfIssued.saml().confirmationMethod();
            if (method != ConfirmationMethod.BEARER && outbound.signature().isEmpty()) {
                problems.add(at + ".signature", "a " + method.key() + " assertion needs outbound.signature.key ("
                        + (method == ConfirmationMethod.HOLDER_OF_KEY ? "the subject's key" : "the sender's key") + ")");
            }
        }
        if (outbound.signatureConfirmation() && outbound.signature().isEmpty()) {
            problems.add(at + ".signature-confirmation", "SignatureConfirmation must be signed: configure outbound.signature");
        }
    }
}
