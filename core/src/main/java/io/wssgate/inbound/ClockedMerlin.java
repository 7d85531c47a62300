package io.wssgate.inbound;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * Merlin validating certificate paths as of the pipeline's clock rather than the moment of
 * validation (the same instant with the system clock), so expiry and CRL freshness are judged
 * at the time every other rule uses.
 *
 * <p>Without revocation checking, a chain WSS4J found trustworthy is remembered, so the next
 * message signed with the same certificates skips the PKIX path validation (a tenth of a 1 KB
 * validation): the answer depends only on the chain, the trust store, the subject and issuer
 * DN patterns and the time. The trust store is this instance's own (a key reload builds a new
 * pipeline, so a new, empty memory); the patterns are part of the key; and an entry counts only
 * while the clock is inside the validity of every certificate of the chain and of every trusted
 * certificate that could issue its last one. Failures are never remembered, and nothing is once
 * revocation is on (CRLs or OCSP: a certificate may be revoked at any moment). At most
 * {@link #MAX_CHAINS} chains are held; beyond that, new chains are validated every time.
 */
final class ClockedMerlin extends Merlin {
    static final int MAX_CHAINS = 1_000;

    private final Clock clock;
    private final Map<TrustedChain, Window> trusted = new ConcurrentHashMap<>();

    ClockedMerlin(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected PKIXParameters createPKIXParameters(Set<TrustAnchor> trustAnchors, boolean enableRevocation)
            throws InvalidAlgorithmParameterException {
        PKIXParameters parameters = super.createPKIXParameters(trustAnchors, enableRevocation);
        parameters.setDate(Date.from(clock.instant()));
        return parameters;
    }

    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation, Collection<Pattern> subjectCertConstraints,
                            Collection<Pattern> issuerCertConstraints) throws WSSecurityException {
        if (enableRevocation || certs == null || certs.length == 0) {
            super.verifyTrust(certs, enableRevocation, subjectCertConstraints, issuerCertConstraints);
            return;
        }
        TrustedChain chain = new TrustedChain(List.of(certs), patterns(subjectCertConstraints),
                patterns(issuerCertConstraints));
        Window window = trusted.get(chain);
        if (window != null && window.covers(clock.instant())) {
            return;
        }
        super.verifyTrust(certs, false, subjectCertConstraints, issuerCertConstraints);
        if (trusted.size() < MAX_CHAINS) {
            trusted.put(chain, window(certs));
        }
    }

    /** The chains remembered now (for tests). */
    int rememberedChains() {
        return trusted.size();
    }

    /** When every certificate of the chain, and every trusted one that could issue its last, is valid. */
    private Window window(X509Certificate[] certs) throws WSSecurityException {
        List<X509Certificate> involved = new ArrayList<>(List.of(certs));
        X509Certificate last = certs[certs.length - 1];
        try {
            for (String alias : Collections.list(getTrustStore().aliases())) {
                Certificate c = getTrustStore().getCertificate(alias);
                if (c instanceof X509Certificate x && x.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                    involved.add(x);
                }
            }
        } catch (KeyStoreException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, e, "certpath");
        }
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (X509Certificate c : involved) {
            Instant notBefore = c.getNotBefore().toInstant();
            Instant notAfter = c.getNotAfter().toInstant();
            from = notBefore.isAfter(from) ? notBefore : from;
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        return new Window(from, until);
    }

    /**
     * The patterns as a key: Pattern compares by identity, which is what a policy hands over for
     * every message (its own compiled patterns); other instances of the same regex only miss.
     */
    private static List<Pattern> patterns(Collection<Pattern> patterns) {
        return patterns == null ? List.of() : List.copyOf(patterns);
    }

    /** A chain (certificates compare by their encoding) and the DN patterns it was judged against. */
    private record TrustedChain(List<X509Certificate> certificates, List<Pattern> subjectPatterns,
                                List<Pattern> issuerPatterns) {
    }

    private record Window(Instant from, Instant until) {
        boolean covers(Instant now) {
            return !now.isBefore(from) && !now.isAfter(until);
        }
    }
}
