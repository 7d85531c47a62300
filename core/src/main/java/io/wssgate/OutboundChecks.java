package io.wssgate;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.StsSettings;

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
        if (outbound.token().orElse(null) instanceof OutboundToken.FromSts fromSts) {
            StsSettings sts = fromSts.sts();
            if (sts.publicKey() && outbound.signature().isEmpty()) {
                problems.add(at + ".signature", "a public-key (holder-of-key) STS token needs outbound.signature.key "
                        + "as its proof key");
            }
            if (sts.delegation() == StsSettings.Delegation.ACT_AS && !sts.wsTrust14()) {
                problems.add(at + ".token.sts.delegation", "act-as needs WS-Trust 1.4 (version: \"1.4\")");
            }
        }
        if (outbound.signatureConfirmation() && outbound.signature().isEmpty()) {
            problems.add(at + ".signature-confirmation", "SignatureConfirmation must be signed: configure outbound.signature");
        }
    }
}
