package io.wssgate.inbound;

import io.wssgate.revocation.Revocation;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * The trust store of a policy with OCSP: WSS4J's path validation with {@link Revocation} as the
 * revocation checker in place of the JDK's own (which would fetch on every message, cache nothing
 * and read its timeout and nonce settings from JVM-wide properties). Paths are validated as of the
 * policy clock's time, like every other rule (the JDK would take the moment of validation), so
 * {@code wssgate explain --at} judges certificate validity at the instant asked for; the OCSP and
 * CRL checks of {@link Revocation} run on the same clock.
 */
final class RevocationMerlin extends Merlin {
    private final Revocation revocation;
    private final Clock clock;

    RevocationMerlin(Revocation revocation, Clock clock) {
        this.revocation = revocation;
        this.clock = clock;
    }

    @Override
    protected PKIXParameters createPKIXParameters(Set<TrustAnchor> trustAnchors, boolean enableRevocation)
            throws InvalidAlgorithmParameterException {
        PKIXParameters parameters = new PKIXParameters(trustAnchors);
        parameters.setDate(Date.from(clock.instant()));
        parameters.setRevocationEnabled(false);
        parameters.addCertPathChecker(revocation.checker(trustAnchors));
        return parameters;
    }
}
