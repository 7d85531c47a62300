package io.wssgate.wsdl;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.OperationConfig;
import io.wssgate.config.PolicyConfig;
import io.wssgate.wsdl.PolicyAlternative.Binding;
import io.wssgate.wsdl.PolicyAlternative.Supporting;
import io.wssgate.wsdl.PolicyAlternative.Token;
import io.wssgate.wsdl.PolicyDifference.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Compares a policy with the WS-SecurityPolicy of its endpoint's WSDL, operation by operation:
 * tokens, signed and encrypted parts, the Timestamp, WS-Addressing, the layout and the
 * algorithm suite. Each difference names the key that decides it (the operation's own key when
 * the operation overrides it). The WSDL's first alternative WSS Gate can honour is compared (the
 * first one when none can).
 */
public final class WsdlPolicyCheck {
    private WsdlPolicyCheck() {
    }

    public static List<PolicyDifference> compare(PolicyConfig policy, List<OperationPolicy> wsdl) {
        List<PolicyDifference> out = new ArrayList<>();
        String at = "policies." + policy.name();
        for (OperationPolicy operation : wsdl) {
            OperationConfig configured = match(policy, operation).orElse(null);
            RequestRequirements gate = RequestRequirements.of(policy, configured);
            String opAt = configured == null ? null : at + ".operations." + configured.name();
            String where = "operation " + operation.operation() + " (binding " + operation.binding().getLocalPart() + ")";
            if (operation.alternatives().isEmpty()) {
                if (!gate.alternatives().isEmpty()) {
                    out.add(new PolicyDifference(at, Kind.STRONGER, where + " has no WS-SecurityPolicy, the policy "
                            + "requires WS-Security"));
                }
                continue;
            }
            PolicyAlternative w = operation.alternatives().stream().filter(PolicyAlternative::supported).findFirst()
                    .orElse(operation.alternatives().get(0));
            w.unsupported().forEach(u -> out.add(new PolicyDifference(at + ".wsdl.location", Kind.INCOMPATIBLE,
                    where + ": " + u)));
            List<PolicyAlternative> honourable = operation.alternatives().stream().filter(PolicyAlternative::supported)
                    .toList();
            tokens(out, at, opAt, configured, where, honourable.isEmpty() ? List.of(w) : honourable, gate);
            parts(out, key(at, opAt, configured, c -> c.signedParts().isPresent(), "signature.parts", "signed-parts"),
                    where, "signed", w.binding() == Binding.ASYMMETRIC && w.signBody(), gate.signed().body(),
                    w.binding() == Binding.ASYMMETRIC ? w.signedHeaders() : List.of(), gate.signed().headers());
            parts(out, key(at, opAt, configured, c -> c.encryptedParts().isPresent(), "decryption.required-parts",
                    "encrypted-parts"), where, "encrypted", w.binding() != Binding.TRANSPORT && w.encryptBody(),
                    gate.encrypted().body(), w.binding() != Binding.TRANSPORT ? w.encryptedHeaders() : List.of(),
                    gate.encrypted().headers());
            if (w.includeTimestamp() != gate.timestamp()) {
                out.add(new PolicyDifference(at + ".timestamp.required", w.includeTimestamp() ? Kind.WEAKER : Kind.STRONGER,
                        where + ": the WSDL " + (w.includeTimestamp() ? "includes" : "has no") + " sp:IncludeTimestamp"));
            }
            if (w.addressing() != gate.addressing()) {
                out.add(new PolicyDifference(at + ".addressing.required", w.addressing() ? Kind.WEAKER : Kind.STRONGER,
                        where + ": the WSDL " + (w.addressing() ? "asks for" : "does not ask for") + " WS-Addressing"));
            }
            layout(out, at, where, w, gate.layout());
            suite(out, at, where, w, gate);
        }
        return out;
    }

    private static Optional<OperationConfig> match(PolicyConfig policy, OperationPolicy o) {
        return policy.operations().entries().stream().filter(c -> c.name().equals(o.operation())
                || o.soapAction().filter(a -> c.soapActions().contains(a)).isPresent()
                || o.payloadRoot().filter(r -> c.payloadRoots().contains(r)).isPresent()
                || o.inputAction().filter(a -> c.addressingActions().contains(a)).isPresent()).findFirst();
    }

    private static String key(String at, String opAt, OperationConfig c,
                              java.util.function.Predicate<OperationConfig> overrides, String policyKey, String opKey) {
        return c != null && overrides.test(c) ? opAt + "." + opKey : at + "." + policyKey;
    }

    private static void tokens(List<PolicyDifference> out, String at, String opAt, OperationConfig c, String where,
                               List<PolicyAlternative> alternatives, RequestRequirements gate) {
        Set<String> wsdl = new LinkedHashSet<>();
        alternatives.forEach(w -> offered(w, wsdl));
        Set<String> accepted = new LinkedHashSet<>();
        gate.alternatives().forEach(a -> accepted.add(a.describe()));
        String key = c != null && c.tokenTypes().isPresent() ? opAt + ".token-types" : at;
        for (String token : wsdl) {
            boolean ok = accepted.contains(token) || token.startsWith("saml ") && (accepted.contains("saml-2.0"
                    + token.substring(4)) || accepted.contains("saml-1.1" + token.substring(4)));
            if (!ok) {
                out.add(new PolicyDifference(key, Kind.INCOMPATIBLE, where + ": the WSDL's " + token
                        + " token is not accepted"));
            }
        }
        for (String token : accepted) {
            boolean listed = wsdl.contains(token) || wsdl.contains("saml " + token.substring(token.indexOf(' ') + 1));
            if (!listed) {
                out.add(new PolicyDifference(key, Kind.WEAKER, where + ": " + token
                        + " is accepted, which the WSDL does not offer"));
            }
        }
    }

    /** The tokens one WSDL alternative offers, named as the configuration's token alternatives are. */
    private static void offered(PolicyAlternative w, Set<String> wsdl) {
        w.initiator().filter(t -> w.binding() != Binding.TRANSPORT).ifPresent(t -> wsdl.add(t.saml()
                ? saml(t) + " holder-of-key" : t == Token.X509 && w.supporting().stream().noneMatch(s -> s.token().saml())
                ? "x509" : t == Token.X509 ? "" : t.name()));
        for (Supporting s : w.supporting()) {
            if (s.token().saml()) {
                wsdl.add(saml(s.token()) + (s.endorsing() ? " holder-of-key" : " sender-vouches"));
            } else if (s.token() == Token.USERNAME) {
                wsdl.add("username-token");
            } else if (s.token() == Token.X509) {
                wsdl.add("x509");
            }
        }
        wsdl.remove("");
    }

    private static String saml(Token t) {
        return switch (t) {
            case SAML_2_0, ISSUED_SAML_2_0 -> "saml-2.0";
            case SAML_1_1, ISSUED_SAML_1_1 -> "saml-1.1";
            default -> "saml";
        };
    }

    private static void parts(List<PolicyDifference> out, String key, String where, String what, boolean wsdlBody,
                              boolean gateBody, List<QName> wsdlHeaders, List<QName> gateHeaders) {
        if (wsdlBody != gateBody) {
            out.add(new PolicyDifference(key, wsdlBody ? Kind.WEAKER : Kind.STRONGER, where + ": the Body is "
                    + (wsdlBody ? "" : "not ") + what + " in the WSDL, " + (gateBody ? "" : "not ") + "required here"));
        }
        for (QName h : wsdlHeaders) {
            if (!gateHeaders.contains(h) && !isAddressing(h)) {
                out.add(new PolicyDifference(key, Kind.WEAKER, where + ": header " + h + " is " + what
                        + " in the WSDL, not required here"));
            }
        }
        for (QName h : gateHeaders) {
            if (!wsdlHeaders.contains(h)) {
                out.add(new PolicyDifference(key, Kind.STRONGER, where + ": header " + h + " must be " + what
                        + " here, the WSDL does not say so"));
            }
        }
    }

    private static boolean isAddressing(QName header) {
        return WsNames.WSA.equals(header.getNamespaceURI());
    }

    private static void layout(List<PolicyDifference> out, String at, String where, PolicyAlternative w,
                               HeaderLayout gate) {
        String wsdl = w.layout().orElse("Lax");
        String mine = SecurityPolicyWriter.layout(gate);
        if (!wsdl.equals(mine)) {
            Kind kind = "Lax".equals(mine) ? Kind.WEAKER : "Lax".equals(wsdl) ? Kind.STRONGER : Kind.INCOMPATIBLE;
            out.add(new PolicyDifference(at + ".security-header.layout", kind, where + ": the WSDL's layout is "
                    + wsdl + ", here " + gate.key()));
        }
    }

    private static void suite(List<PolicyDifference> out, String at, String where, PolicyAlternative w,
                              RequestRequirements gate) {
        if (w.binding() != Binding.ASYMMETRIC || w.algorithmSuite().isEmpty()) {
            return;
        }
        String suite = w.algorithmSuite().get();
        AlgorithmPolicy a = gate.algorithms();
        if (!suite.contains("Sha256") && !a.digest().contains("http://www.w3.org/2000/09/xmldsig#sha1")) {
            out.add(new PolicyDifference(at + ".signature.algorithms.digest", Kind.INCOMPATIBLE, where
                    + ": the WSDL's AlgorithmSuite " + suite + " digests with SHA-1, which is refused here"));
        }
        if (w.encryptBody() || !w.encryptedHeaders().isEmpty()) {
            String cbc = suite.startsWith("Basic128") ? "aes128-cbc" : suite.startsWith("Basic192") ? "aes192-cbc"
                    : suite.startsWith("TripleDes") ? "tripledes-cbc" : "aes256-cbc";
            if (gate.decryption().dataAlgorithms().stream().noneMatch(d -> d.endsWith("#" + cbc))) {
                out.add(new PolicyDifference(at + ".decryption.data-algorithms", Kind.INCOMPATIBLE, where
                        + ": the WSDL's AlgorithmSuite " + suite + " encrypts with " + cbc + ", which is refused here"));
            }
        }
    }
}
