package io.wssgate.benchmarks;

/** The two kinds of secured message the issue measures, inbound and outbound alike. */
public enum Scenario {
    /** Timestamp + X.509 signature (certificate in a BinarySecurityToken) over Body and Timestamp. */
    X509,
    /** Timestamp + SAML 2.0 holder-of-key assertion signed by its issuer; Body and Timestamp signed with the subject key. */
    SAML_HOK
}
