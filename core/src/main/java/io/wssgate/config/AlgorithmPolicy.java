package io.wssgate.config;

import java.util.Set;

/** Allowlists of XML signature algorithms and minimum key sizes. */
public record AlgorithmPolicy(Set<String> signature, Set<String> digest, Set<String> canonicalization,
                              int minRsaKeyBits, int minEcKeyBits) {
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    public static final String ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    public AlgorithmPolicy {
        signature = Set.copyOf(signature);
        digest = Set.copyOf(digest);
        canonicalization = Set.copyOf(canonicalization);
    }

    public static AlgorithmPolicy defaults() {
        return new AlgorithmPolicy(
                Set.of(RSA_SHA256, RSA_SHA384, RSA_SHA512, ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512),
                Set.of(SHA256, SHA384, SHA512),
                Set.of(EXC_C14N),
                2048, 256);
    }
}
