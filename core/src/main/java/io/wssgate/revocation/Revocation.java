package io.wssgate.revocation;

import io.wssgate.config.RevocationPolicy;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One policy's revocation checking with OCSP: asks OCSP and the CRLs in the preferred order until
 * one gives a definitive answer. Good passes; revoked and unknown refuse; no answer from any source
 * refuses unless soft-fail is on (then it passes with a warning). A response that fails
 * verification always refuses. Every refusal is logged here with the certificate and the reason.
 */
public final class Revocation {
    private static final Logger LOG = LoggerFactory.getLogger(Revocation.class);

    private final RevocationPolicy policy;
    private final OcspClient ocsp;
    private final CrlCheck crls;
    private final boolean haveCrls;

    /** {@code sha256CertIds}: FIPS mode, no SHA-1 in OCSP requests. */
    public Revocation(RevocationPolicy policy, List<X509CRL> crls, Clock clock, boolean sha256CertIds) {
        this.policy = policy;
        this.ocsp = new OcspClient(policy.ocsp(), clock, sha256CertIds);
        this.crls = new CrlCheck(crls, clock);
        this.haveCrls = !crls.isEmpty();
    }

    /** The PKIX checker that applies this to every certificate of a path validated against {@code anchors}. */
    public java.security.cert.PKIXCertPathChecker checker(java.util.Set<java.security.cert.TrustAnchor> anchors) {
        return new RevocationChecker(this, anchors);
    }

    /** @throws CertPathValidatorException if the certificate is revoked, unknown, or (without soft-fail) unchecked */
    void check(X509Certificate certificate, X509Certificate issuer) throws CertPathValidatorException {
        List<String> noAnswers = new ArrayList<>();
        for (RevocationPolicy.Prefer source : order()) {
            RevocationStatus status;
            try {
                status = source == RevocationPolicy.Prefer.OCSP ? ocsp.status(certificate, issuer)
                        : crls.status(certificate, issuer);
            } catch (InvalidOcspResponse e) {
                throw refuse(certificate, "the OCSP response cannot be trusted: " + e.getMessage());
            }
            if (status instanceof RevocationStatus.Good) {
                return;
            }
            if (status instanceof RevocationStatus.Revoked revoked) {
                throw refuse(certificate, "revoked at " + revoked.revokedAt()
                        + revoked.reason().map(r -> " (reason " + r + ")").orElse("") + " according to "
                        + (source == RevocationPolicy.Prefer.OCSP ? "its OCSP responder" : "the CRL"));
            }
            if (status instanceof RevocationStatus.Unknown) {
                throw refuse(certificate, "its OCSP responder does not know the certificate (status unknown)");
            }
            noAnswers.add(source.key() + ": " + ((RevocationStatus.NoAnswer) status).reason());
        }
        String why = String.join("; ", noAnswers);
        if (policy.ocsp().softFail()) {
            LOG.warn("WS-Security: revocation status of certificate '{}' (serial {}) unknown, ACCEPTED because "
                    + "trust.revocation.ocsp.soft-fail is true: {}", subject(certificate),
                    certificate.getSerialNumber(), why);
            return;
        }
        throw refuse(certificate, "no revocation source could answer (trust.revocation.ocsp.soft-fail is false): " + why);
    }

    private List<RevocationPolicy.Prefer> order() {
        List<RevocationPolicy.Prefer> order = new ArrayList<>();
        boolean ocspOn = policy.ocsp().enabled();
        if (policy.prefer() == RevocationPolicy.Prefer.CRL && haveCrls) {
            order.add(RevocationPolicy.Prefer.CRL);
        }
        if (ocspOn) {
            order.add(RevocationPolicy.Prefer.OCSP);
        }
        if (policy.prefer() == RevocationPolicy.Prefer.OCSP && haveCrls) {
            order.add(RevocationPolicy.Prefer.CRL);
        }
        return order;
    }

    private static CertPathValidatorException refuse(X509Certificate certificate, String reason) {
        String message = "certificate '" + subject(certificate) + "' (serial " + certificate.getSerialNumber()
                + ") refused: " + reason;
        LOG.warn("WS-Security revocation check: {}", message);
        return new CertPathValidatorException(message, null, null, -1,
                java.security.cert.CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS);
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
