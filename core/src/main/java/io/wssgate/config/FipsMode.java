package io.wssgate.config;

import java.util.Set;

/**
 * What FIPS mode allows: the FIPS 140-approved algorithms WSS Gate uses (no SHA-1 anywhere,
 * RSA-OAEP only in its XML Encryption 1.1 form with SHA-2 digest and MGF1, AES-GCM, RSA of at
 * least 2048 bits, EC of at least 256). FIPS mode is on when the configuration says
 * {@code fips: true} or the JVM runs with {@code -Dwssgate.fips=true}.
 */
public final class FipsMode {
    /** The system property that turns FIPS mode on whatever the configuration says. */
    public static final String SYSTEM_PROPERTY = "wssgate.fips";

    public static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    public static final String MGF1_SHA384 = "http://www.w3.org/2009/xmlenc11#mgf1sha384";
    public static final String MGF1_SHA512 = "http://www.w3.org/2009/xmlenc11#mgf1sha512";

    public static final Set<String> SIGNATURE_ALGORITHMS = Set.of(AlgorithmPolicy.RSA_SHA256,
            AlgorithmPolicy.RSA_SHA384, AlgorithmPolicy.RSA_SHA512, AlgorithmPolicy.ECDSA_SHA256,
            AlgorithmPolicy.ECDSA_SHA384, AlgorithmPolicy.ECDSA_SHA512);
    public static final Set<String> DIGESTS = Set.of(AlgorithmPolicy.SHA256, AlgorithmPolicy.SHA384,
            AlgorithmPolicy.SHA512);
    /** rsa-oaep-mgf1p fixes MGF1 to SHA-1, so only the XML Encryption 1.1 form qualifies. */
    public static final Set<String> KEY_TRANSPORT = Set.of(DecryptionPolicy.RSA_OAEP_11);
    public static final Set<String> MGF = Set.of(MGF1_SHA256, MGF1_SHA384, MGF1_SHA512);
    public static final Set<String> DATA_ALGORITHMS = Set.of(DecryptionPolicy.AES128_GCM, DecryptionPolicy.AES192_GCM,
            DecryptionPolicy.AES256_GCM);
    public static final int MIN_RSA_KEY_BITS = 2048;
    public static final int MIN_EC_KEY_BITS = 256;

    private FipsMode() {
    }

    /** Whether FIPS mode is on: configured, or asked for by the {@value #SYSTEM_PROPERTY} system property. */
    public static boolean on(boolean configured) {
        return configured || Boolean.parseBoolean(System.getProperty(SYSTEM_PROPERTY, "false"));
    }
}
