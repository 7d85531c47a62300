package io.wssgate;

import java.security.cert.X509Certificate;

/**
 * A certificate a policy relies on, and for what: {@code trust}, {@code saml-issuer},
 * {@code decryption}, {@code outbound-signature}, {@code outbound-saml-issuer},
 * {@code outbound-encryption}, {@code sts-authentication}. Lets operators (and health checks)
 * see what expires when.
 */
public record CertificateInUse(String policy, String use, X509Certificate certificate) {
}
