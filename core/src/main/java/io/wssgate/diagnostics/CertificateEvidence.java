package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.fault.FaultCode;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.keys.KeyUsages;
import io.wssgate.soap.Namespaces;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * For a message signer the policy did not accept: its certificate, the chain as it can be built
 * to the policy's trust anchors, and where it breaks (expired or not yet valid at the instant of
 * judgement, revoked by a configured CRL, an unknown issuer with the closest trusted subject
 * beside it, an anchor with the issuer's name but another key, self-signed), then the policy's
 * own demands on it (subject DN patterns, key size, key usage). Certificates come from the
 * message and the configuration only.
 */
final class CertificateEvidence {
    private CertificateEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        if (refusal.received().isEmpty() || refusal.stage() != Stage.HEADER_PROCESSING) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        // the pipeline's DOM, where a decrypted assertion that holds a signing key stands in clear
        Element root = refusal.processed().map(e -> e.document().getDocumentElement())
                .orElse(refusal.received().get().getDocumentElement());
        for (Element signature : Dom.descendants(root, Namespaces.DS, "Signature")) {
            if (!"Security".equals(((Element) signature.getParentNode()).getLocalName())) {
                continue; // an assertion's issuer signature: SamlEvidence's
            }
            SignerKeys.Signer signer = SignerKeys.of(signature, refusal.keys());
            if (signer.certificate().isEmpty() && signer.assertionKey()) {
                continue; // an assertion's subject key without a certificate: SamlEvidence's
            }
            if (signer.certificate().isEmpty()) {
                if (refusal.code() == FaultCode.FAILED_AUTHENTICATION || refusal.code() == FaultCode.SECURITY_TOKEN_UNAVAILABLE) {
                    out.add(Finding.cause("signer certificate", "The signature names its key by " + signer.namedBy()
                            + ", and no such certificate is in the message or the policy's trust", List.of()));
                }
                continue;
            }
            out.add(examine(signer, refusal));
        }
        return out;
    }

    private static Finding examine(SignerKeys.Signer signer, Refusal refusal) {
        X509Certificate leaf = signer.certificate().get();
        List<StageFact> details = new ArrayList<>(describe("signer", leaf, refusal.at()));
        details.add(new StageFact("named by", signer.namedBy()));
        if (leaf.getKeyUsage() != null) {
            details.add(new StageFact("signer key usage", KeyUsages.describe(leaf.getKeyUsage())));
        }
        List<X509Certificate> anchors = refusal.keys().trustAnchors();
        List<String> problems = new ArrayList<>();
        validity(leaf, refusal.at()).ifPresent(problems::add);
        Optional<X509Certificate> issuer = anchors.stream().filter(a -> a.getSubjectX500Principal()
                .equals(leaf.getIssuerX500Principal())).findFirst();
        if (anchors.contains(leaf)) {
            details.add(new StageFact("chain", "trusted directly (the certificate itself is in trust)"));
        } else if (issuer.isPresent()) {
            details.addAll(describe("issuer (trusted)", issuer.get(), refusal.at()));
            if (!signedBy(leaf, issuer.get())) {
                problems.add("a trusted certificate carries its issuer's name " + TextDifference.show(
                        leaf.getIssuerX500Principal().getName()) + " but did not sign it: another CA of the same name");
            } else {
                details.add(new StageFact("chain", "signer <- " + issuer.get().getSubjectX500Principal().getName()
                        + " (trusted)"));
                validity(issuer.get(), refusal.at()).ifPresent(v -> problems.add("the trusted issuer " + v));
            }
        } else if (leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal())) {
            problems.add("it is self-signed and not itself in trust: nobody the policy trusts vouches for it");
        } else {
            String unknown = leaf.getIssuerX500Principal().getName();
            Optional<X509Certificate> closest = anchors.stream().min(Comparator.comparingInt(
                    a -> distance(a.getSubjectX500Principal().getName(), unknown)));
            problems.add("its issuer " + TextDifference.show(unknown) + " is not among the trust anchors"
                    + closest.map(c -> "; closest trusted subject: " + TextDifference.show(
                            c.getSubjectX500Principal().getName()) + TextDifference.lookAlike(unknown,
                            c.getSubjectX500Principal().getName()).map(d -> " (the issuer name " + d + ")").orElse(""))
                    .orElse("; the policy trusts no certificate at all"));
        }
        revocation(leaf, refusal.keys().crls()).ifPresent(problems::add);
        pkix(leaf, anchors, refusal).ifPresent(reason -> details.add(new StageFact("path validation", reason)));
        demands(leaf, refusal).forEach(problems::add);
        if (problems.isEmpty()) {
            return Finding.note("signer certificate", "The signer's certificate chains to a trust anchor and meets "
                    + "the policy's demands", details);
        }
        problems.forEach(p -> details.add(new StageFact("problem", p)));
        return Finding.cause("signer certificate", "The signer's certificate " + TextDifference.show(
                leaf.getSubjectX500Principal().getName()) + " is not accepted: " + problems.get(0), details);
    }

    /** The policy's demands beyond the chain: subject DN pattern, key size, key usage. */
    private static List<String> demands(X509Certificate leaf, Refusal refusal) {
        List<String> out = new ArrayList<>();
        List<Pattern> patterns = refusal.policy().trust().subjectDnPatterns();
        String dn = leaf.getSubjectX500Principal().getName();
        if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.matcher(dn).matches())) {
            out.add("its subject " + TextDifference.show(dn) + " matches none of trust.subject-dn-patterns "
                    + patterns.stream().map(Pattern::pattern).map(TextDifference::show).toList()
                    + patterns.stream().map(p -> TextDifference.lookAlike(dn, p.pattern())).flatMap(Optional::stream)
                    .findFirst().map(d -> " (the subject " + d + ")").orElse(""));
        }
        int bits = keyBits(leaf);
        if (leaf.getPublicKey() instanceof RSAKey && bits < refusal.policy().signature().algorithms().minRsaKeyBits()) {
            out.add("its RSA key has " + bits + " bits; signature.algorithms.min-rsa-key-size is "
                    + refusal.policy().signature().algorithms().minRsaKeyBits());
        }
        if (leaf.getPublicKey() instanceof ECKey && bits < refusal.policy().signature().algorithms().minEcKeyBits()) {
            out.add("its EC key has " + bits + " bits; signature.algorithms.min-ec-key-size is "
                    + refusal.policy().signature().algorithms().minEcKeyBits());
        }
        KeyUsages.forbidsSigning(leaf).ifPresent(out::add);
        return out;
    }

    static List<StageFact> describe(String role, X509Certificate c, Instant at) {
        return List.of(new StageFact(role, c.getSubjectX500Principal().getName()),
                new StageFact(role + " issued by", c.getIssuerX500Principal().getName()),
                new StageFact(role + " valid", c.getNotBefore().toInstant() + " .. " + c.getNotAfter().toInstant()
                        + validity(c, at).map(v -> " (" + v + ")").orElse("")),
                new StageFact(role + " key", keyDescription(c)),
                new StageFact(role + " SHA-256", SignerKeys.hex(SignerKeys.digest("SHA-256", c))));
    }

    static String keyDescription(X509Certificate c) {
        return c.getPublicKey().getAlgorithm() + " " + keyBits(c) + " bits";
    }

    static int keyBits(X509Certificate c) {
        if (c.getPublicKey() instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (c.getPublicKey() instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    /** "expired ... ago" / "not valid until ..." at {@code at}; empty when valid then. */
    static Optional<String> validity(X509Certificate c, Instant at) {
        Instant notAfter = c.getNotAfter().toInstant();
        Instant notBefore = c.getNotBefore().toInstant();
        if (at.isAfter(notAfter)) {
            return Optional.of("expired on " + notAfter + ", " + Durations.human(Duration.between(notAfter, at))
                    + " before the time of judgement");
        }
        if (at.isBefore(notBefore)) {
            return Optional.of("not valid until " + notBefore + ", " + Durations.human(Duration.between(at, notBefore))
                    + " after the time of judgement");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509Certificate leaf, X509Certificate issuer) {
        try {
            leaf.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Optional<String> revocation(X509Certificate leaf, List<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(leaf.getIssuerX500Principal())) {
                X509CRLEntry entry = crl.getRevokedCertificate(leaf);
                if (entry != null) {
                    return Optional.of("it is revoked since " + entry.getRevocationDate().toInstant()
                            + (entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")")
                            + " by the CRL of " + crl.getIssuerX500Principal().getName());
                }
            }
        }
        return Optional.empty();
    }

    /** What Java's PKIX validation says of the one-certificate path, as of the instant of judgement. */
    private static Optional<String> pkix(X509Certificate leaf, List<X509Certificate> anchors, Refusal refusal) {
        if (anchors.isEmpty()) {
            return Optional.of("no trust anchors configured");
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setDate(Date.from(refusal.at()));
            parameters.setRevocationEnabled(!refusal.keys().crls().isEmpty());
            if (!refusal.keys().crls().isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection",
                        new CollectionCertStoreParameters(refusal.keys().crls())));
            }
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
            return Optional.of("valid");
        } catch (CertPathValidatorException e) {
            return Optional.of("fails" + (e.getReason() == null ? "" : " (" + e.getReason() + ")") + ": " + e.getMessage());
        } catch (Exception e) {
            return Optional.of("could not be run: " + e.getMessage());
        }
    }

    /** Edit distance, to point at the trusted subject most like an unknown issuer. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            int[] row = new int[y.length() + 1];
            row[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            previous = row;
        }
        return previous[y.length()];
    }
}
