package io.wssgate.revocation;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;

/**
 * Plugs {@link Revocation} into the JDK's PKIX path validation: called for each certificate from
 * the one the trust anchor issued down to the signer, so each certificate's issuer is the one
 * before it (the first's is the anchor). A root's own certificate is not checked (nobody above it
 * could revoke it); an intermediate CA is checked even when it is also configured as trusted,
 * because WSS4J builds the path through it from the trust store and validates it against the root.
 */
final class RevocationChecker extends PKIXCertPathChecker {
    private final Revocation revocation;
    private final Set<TrustAnchor> anchors;
    private X509Certificate previous;

    RevocationChecker(Revocation revocation, Set<TrustAnchor> anchors) {
        this.revocation = revocation;
        this.anchors = Set.copyOf(anchors);
    }

    @Override
    public void init(boolean forward) throws CertPathValidatorException {
        if (forward) {
            throw new CertPathValidatorException("forward checking is not supported");
        }
        previous = null;
    }

    @Override
    public boolean isForwardCheckingSupported() {
        return false;
    }

    @Override
    public Set<String> getSupportedExtensions() {
        return null;
    }

    @Override
    public void check(Certificate certificate, Collection<String> unresolvedCritExts) throws CertPathValidatorException {
        X509Certificate current = (X509Certificate) certificate;
        X509Certificate issuer = previous != null ? previous : anchorThatIssued(current);
        previous = current;
        if (isAnchor(current) && (selfIssued(current) || issuer == null)) {
            // a root, or a trusted certificate whose issuer is not known here: trusted as it is
            return;
        }
        if (issuer == null) {
            throw new CertPathValidatorException("no issuer certificate to check the revocation of '"
                    + current.getSubjectX500Principal().getName() + "' with");
        }
        revocation.check(current, issuer);
    }

    private boolean isAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(a -> certificate.equals(a.getTrustedCert()));
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private X509Certificate anchorThatIssued(X509Certificate certificate) {
        for (TrustAnchor anchor : anchors) {
            X509Certificate candidate = anchor.getTrustedCert();
            if (candidate != null && candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key: not this one
                }
            }
        }
        return null;
    }

    @Override
    public Object clone() {
        return super.clone();
    }
}
