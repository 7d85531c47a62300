package io.wssgate.revocation;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Revocation by the configured CRLs, used next to OCSP: a CRL counts when its issuer signed it and
 * it is current (nextUpdate not passed). Without such a CRL for the certificate's issuer there is
 * no answer. (Without OCSP, the JDK's own PKIX revocation checking reads the CRLs instead.)
 */
final class CrlCheck {
    private final List<X509CRL> crls;
    private final Clock clock;

    CrlCheck(List<X509CRL> crls, Clock clock) {
        this.crls = List.copyOf(crls);
        this.clock = clock;
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        Instant now = clock.instant();
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !signedBy(crl, issuer)) {
                continue;
            }
            Instant nextUpdate = Optional.ofNullable(crl.getNextUpdate()).map(java.util.Date::toInstant).orElse(Instant.MAX);
            if (nextUpdate.isBefore(now)) {
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null) {
                return new RevocationStatus.Revoked(entry.getRevocationDate().toInstant(),
                        Optional.ofNullable(entry.getRevocationReason()).map(Enum::ordinal), nextUpdate);
            }
            return new RevocationStatus.Good(nextUpdate);
        }
        return new RevocationStatus.NoAnswer("no current CRL of '" + issuer.getSubjectX500Principal().getName()
                + "' is configured");
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
