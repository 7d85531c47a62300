package io.wssgate.cli;

import io.wssgate.CertificateInUse;
import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.identity.ConfirmationMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What one policy accepts and demands, in sentences an operator reads ({@code wssgate check}). */
final class PolicySummary {
    private static final Map<String, String> ALGORITHMS = Map.ofEntries(
            Map.entry(AlgorithmPolicy.RSA_SHA256, "RSA-SHA256"), Map.entry(AlgorithmPolicy.RSA_SHA384, "RSA-SHA384"),
            Map.entry(AlgorithmPolicy.RSA_SHA512, "RSA-SHA512"), Map.entry(AlgorithmPolicy.ECDSA_SHA256, "ECDSA-SHA256"),
            Map.entry(AlgorithmPolicy.ECDSA_SHA384, "ECDSA-SHA384"),
            Map.entry(AlgorithmPolicy.ECDSA_SHA512, "ECDSA-SHA512"), Map.entry(AlgorithmPolicy.SHA256, "SHA-256"),
            Map.entry(AlgorithmPolicy.SHA384, "SHA-384"), Map.entry(AlgorithmPolicy.SHA512, "SHA-512"),
            Map.entry(AlgorithmPolicy.EXC_C14N, "exclusive C14N"));

    private PolicySummary() {
    }

    record Summary(String policy, List<String> paths, List<String> accepts, List<String> requires,
                   List<String> outbound) {
    }

    static Summary of(PolicyConfig p, List<CertificateInUse> certificates) {
        List<String> accepts = new ArrayList<>();
        List<String> anchors = certificates.stream().filter(c -> c.policy().equals(p.name()) && c.use().equals("trust"))
                .map(c -> c.certificate().getSubjectX500Principal().getName()).toList();
        if (!p.trust().isEmpty() && p.signature().x509Authentication()) {
            accepts.add("X.509 signatures by certificates chaining to " + (anchors.isEmpty() ? "the trust anchors"
                    : String.join("; ", anchors))
                    + (p.trust().subjectDnPatterns().isEmpty() ? "" : ", subject matching "
                    + p.trust().subjectDnPatterns().stream().map(Pattern::pattern).toList())
                    + (p.trust().crls().isEmpty() ? "" : ", revocation checked against " + p.trust().crls().size()
                    + " CRL file(s)"));
        }
        SamlPolicy saml = p.saml();
        if (saml.enabled()) {
            accepts.add("SAML 1.1 and 2.0 assertions from " + saml.issuers().stream().map(TrustedIssuer::name).toList()
                    + " for audiences " + saml.audiences() + ", confirmed by " + saml.confirmationMethods().stream()
                    .map(ConfirmationMethod::key).sorted().toList()
                    + (saml.encryptedAssertions() ? ", also as EncryptedAssertion" : "")
                    + (saml.stsValidation().isPresent() ? ", validated by the STS " + saml.stsValidation().get()
                    .endpoint() : ""));
        }
        if (p.usernameToken().enabled()) {
            accepts.add("UsernameTokens with PasswordDigest" + (p.usernameToken().allowPasswordText()
                    ? " or PasswordText" : "") + " (max-age " + p.usernameToken().maxAge().toSeconds() + "s)");
        }
        if (p.decryption().enabled()) {
            certificates.stream().filter(c -> c.policy().equals(p.name()) && c.use().equals("decryption")).findFirst()
                    .ifPresent(c -> accepts.add("parts encrypted for " + c.certificate().getSubjectX500Principal()
                            .getName()));
        }
        List<String> requires = new ArrayList<>();
        if (p.timestamp().required()) {
            requires.add("a Timestamp at most " + p.timestamp().maxAge().toSeconds() + "s old"
                    + (p.timestamp().expiresRequired() ? " with Expires" : "")
                    + (p.timestamp().replayDetection() ? ", accepted once" : ""));
        }
        if (p.signature().required()) {
            List<String> parts = new ArrayList<>();
            if (p.signature().signBody()) {
                parts.add("Body");
            }
            if (p.signature().signTimestamp()) {
                parts.add("Timestamp");
            }
            p.signature().signedHeaders().forEach(h -> parts.add(h.toString()));
            requires.add("signed " + String.join(", ", parts));
        }
        if (p.decryption().requiresEncryption()) {
            requires.add("encrypted " + (p.decryption().requireEncryptedBody() ? "Body" : "")
                    + p.decryption().requiredEncryptedHeaders());
        }
        AlgorithmPolicy a = p.signature().algorithms();
        requires.add("algorithms " + names(a.signature()) + ", digests " + names(a.digest()) + ", "
                + names(a.canonicalization()) + "; RSA keys >= " + a.minRsaKeyBits() + " bits, EC >= "
                + a.minEcKeyBits());
        requires.add("the Security header " + p.securityHeader().actor().map(x -> "for actor/role " + x)
                .orElse("without actor/role") + ", layout " + p.securityHeader().layout().key());
        return new Summary(p.name(), p.paths(), accepts, requires, outbound(p.outbound()));
    }

    private static List<String> outbound(OutboundPolicy o) {
        List<String> out = new ArrayList<>();
        o.timestamp().ifPresent(ttl -> out.add("a Timestamp valid " + ttl.toSeconds() + "s"));
        o.token().ifPresent(t -> out.add(token(t)));
        o.signature().ifPresent(s -> {
            List<String> parts = new ArrayList<>();
            if (s.signBody()) {
                parts.add("Body");
            }
            if (s.signTimestamp()) {
                parts.add("Timestamp");
            }
            if (s.signToken()) {
                parts.add("the token");
            }
            s.signedHeaders().forEach(h -> parts.add(h.toString()));
            out.add("a signature over " + String.join(", ", parts) + ", its key named by "
                    + s.keyIdentifier().key());
        });
        o.encryption().ifPresent(e -> out.add("encryption for " + e.recipientCertificate()));
        if (o.signatureConfirmation()) {
            out.add("SignatureConfirmation");
        }
        return out;
    }

    private static String token(OutboundToken t) {
        if (t instanceof OutboundToken.SelfIssued s) {
            return "a SAML " + (s.saml().saml2() ? "2.0" : "1.1") + " assertion it issues as " + s.saml().issuer()
                    + " (" + s.saml().confirmationMethod().key() + ")";
        }
        if (t instanceof OutboundToken.FromSts s) {
            return "a token from the STS " + s.sts().endpoint();
        }
        if (t instanceof OutboundToken.Supplied s) {
            return "a token from " + s.supplier().getClass().getName();
        }
        return "the caller's own assertion, propagated";
    }

    private static String names(java.util.Set<String> uris) {
        return String.join("/", uris.stream().map(u -> ALGORITHMS.getOrDefault(u, u)).sorted().toList());
    }
}
