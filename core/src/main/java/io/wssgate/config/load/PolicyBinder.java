package io.wssgate.config.load;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.UrlPattern;
import io.wssgate.config.WsdlPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;

/** Binds one entry of {@code policies} and checks that the policy can authenticate anybody at all. */
final class PolicyBinder {
    private PolicyBinder() {
    }

    static PolicyConfig policy(String name, Node node) {
        PolicyConfig.Builder builder = PolicyConfig.builder(name);
        if (!node.expectMap()) {
            if (!node.present()) {
                node.problem("a policy needs at least a means of authentication (trust, saml, username-token or outbound)");
            }
            return builder.build();
        }
        PolicyConfig policy = builder
                // optional: a client policy, or one a JAX-WS endpoint names, guards no URL
                .paths(node.get("paths").list(PolicyBinder::urlPattern).orElse(List.of()))
                .allowWsdlGet(node.get("allow-wsdl-get").parse(ValueParsers::bool).orElse(true))
                .limits(MessageRulesBinder.limits(node.get("limits")))
                .attachments(MessageRulesBinder.attachments(node.get("attachments")))
                .timestamp(MessageRulesBinder.timestamp(node.get("timestamp")))
                .signature(MessageRulesBinder.signature(node.get("signature")))
                .trust(TrustBinder.trust(node.get("trust")))
                .saml(SamlBinder.saml(node.get("saml")))
                .usernameToken(UsernameTokenBinder.usernameToken(node.get("username-token")))
                .decryption(DecryptionBinder.decryption(node.get("decryption")))
                .roles(roles(node.get("roles")))
                .outbound(OutboundBinder.outbound(node.get("outbound")))
                .securityHeader(SecurityHeaderBinder.securityHeader(node.get("security-header")))
                .require(AuthorizationBinder.rule(node.get("require")))
                .requiredHeaders(node.get("required-headers").list(ValueParsers::requiredHeader).orElse(List.of()))
                .addressing(AddressingBinder.inbound(node.get("addressing")))
                .operations(OperationsBinder.operations(node.get("operations"), node.get("unknown-operations")))
                .wsdl(wsdl(node.get("wsdl")))
                .build();
        encryptedAssertionsUsable(policy, node);
        OperationsBinder.checkUsable(policy, node);
        if (policy.securityHeader().layout().placesTimestamp() && !policy.timestamp().required()) {
            // the layout names the Timestamp's place, so a message without one could never conform
            node.get("security-header").get("layout").problem("layout " + policy.securityHeader().layout().key()
                    + " needs timestamp.required: true");
        }
        // A keystore that failed to bind is already reported; counting it avoids a misleading second problem.
        boolean trustGiven = !policy.trust().isEmpty() || node.get("trust").get("keystore").present();
        // A client policy (outbound configured) may validate responses without authenticating anyone.
        if (!trustGiven && !policy.saml().enabled() && !policy.usernameToken().enabled()
                && !policy.outbound().enabled()) {
            node.problem("no means of authentication: configure trust, saml or username-token");
        }
        return policy;
    }

    /** An EncryptedAssertion is decrypted with the policy's decryption key and then checked as SAML. */
    private static void encryptedAssertionsUsable(PolicyConfig policy, Node node) {
        if (!policy.saml().encryptedAssertions()) {
            return;
        }
        Node key = node.get("saml").get("encrypted-assertions");
        if (!policy.saml().enabled()) {
            key.problem("requires SAML to be enabled (saml.issuers)");
        }
        // a key that failed to bind is reported at decryption.key already
        if (!policy.decryption().enabled() && !node.get("decryption").get("key").present()) {
            key.problem("requires decryption.key (the key the assertions are encrypted for)");
        }
    }

    private static WsdlPolicy wsdl(Node node) {
        WsdlPolicy d = WsdlPolicy.defaults();
        if (!node.expectMap()) {
            return d;
        }
        return new WsdlPolicy(
                node.get("publish-policy").parse(ValueParsers::bool).orElse(d.publishPolicy()),
                node.get("location").text(),
                node.get("policy-mismatch").parse(PolicyBinder::mismatch).orElse(d.mismatch()));
    }

    private static WsdlPolicy.Mismatch mismatch(String text) {
        return WsdlPolicy.Mismatch.fromKey(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown policy-mismatch '" + text + "' (use warn or fail)"));
    }

    private static String urlPattern(String text) {
        if (!UrlPattern.isValid(text)) {
            throw new IllegalArgumentException("invalid URL pattern '" + text
                    + "' (use an exact path /a/b, a prefix /a/*, an extension *.svc or /)");
        }
        return text;
    }

    private static RoleMapping roles(Node node) {
        if (!node.expectMap()) {
            return RoleMapping.none();
        }
        List<String> attributes = node.get("saml-attributes").texts().orElse(List.of());
        Map<String, Set<String>> subjects = new LinkedHashMap<>();
        for (Node entry : node.get("certificate-subjects").elements()) {
            if (!entry.expectMap()) {
                continue;
            }
            Node subjectNode = entry.get("subject");
            Optional<String> subject = subjectNode.requiredText().flatMap(s -> subjectNode.parse(PolicyBinder::dn));
            List<String> roles = entry.get("roles").requiredList(Function.identity(), "role");
            if (subject.isPresent() && subjects.putIfAbsent(subject.get(), Set.copyOf(roles)) != null) {
                subjectNode.problem("duplicate subject '" + subject.get() + "'");
            }
        }
        return new RoleMapping(attributes, subjects);
    }

    /** Stored in RFC 2253 form so a lookup by a certificate's subject does not depend on spacing or case of attribute names. */
    private static String dn(String text) {
        try {
            return new X500Principal(text).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid distinguished name '" + text + "'");
        }
    }
}
