package io.wssgate.inbound;

import io.wssgate.revocation.Revocation;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.util.Set;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * The trust store of a policy with OCSP: WSS4J's path validation with {@link Revocation} as the
 * revocation checker in place of the JDK's own (which would fetch on every message, cache nothing
 * and read its timeout and nonce settings from JVM-wide properties).
 */
final class RevocationMerlin extends Merlin {
    private final Revocation revocation;

    RevocationMerlin(Revocation revocation) {
        this.revocation = revocation;
    }

    @Override
    protected PKIXParameters createPKIXParameters(Set<TrustAnchor> trustAnchors, boolean enableRevocation)
            throws InvalidAlgorithmParameterException {
        PKIXParameters parameters = new PKIXParameters(trustAnchors);
        parameters.setRevocationEnabled(false);
        parameters.addCertPathChecker(revocation.checker(trustAnchors));
        return parameters;
    }
}
