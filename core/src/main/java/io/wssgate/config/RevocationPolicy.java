package io.wssgate.config;

import java.util.Objects;

/**
 * How certificates are checked for revocation: OCSP (online), the CRLs of {@link TrustConfig#crls()}
 * (offline), or both, {@code prefer} saying which is asked first; the other is asked only when
 * the first has no answer. Without OCSP, revocation is checked exactly when CRLs are given.
 */
public record RevocationPolicy(OcspPolicy ocsp, Prefer prefer) {
    /** Which source is asked first when both are configured. */
    public enum Prefer {
        OCSP, CRL;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RevocationPolicy {
        Objects.requireNonNull(ocsp, "ocsp");
        Objects.requireNonNull(prefer, "prefer");
    }

    /** CRLs only (when given), no OCSP. */
    public static RevocationPolicy crlsOnly() {
        return new RevocationPolicy(OcspPolicy.disabled(), Prefer.OCSP);
    }

    public static RevocationPolicy ocsp(OcspPolicy ocsp) {
        return new RevocationPolicy(ocsp, Prefer.OCSP);
    }
}
