package io.wssgate.config;

import java.util.Optional;
import java.util.Set;

/** Decryption of encrypted Body and headers; only with a configured key. */
public record DecryptionPolicy(Optional<KeySource> key, Set<String> keyTransportAlgorithms,
                               Set<String> dataAlgorithms) {
    public static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_OAEP_11 = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES192_GCM = "http://www.w3.org/2009/xmlenc11#aes192-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

    public DecryptionPolicy {
        key = key == null ? Optional.empty() : key;
        keyTransportAlgorithms = Set.copyOf(keyTransportAlgorithms);
        dataAlgorithms = Set.copyOf(dataAlgorithms);
    }

    public static DecryptionPolicy disabled() {
        return new DecryptionPolicy(Optional.empty(), Set.of(RSA_OAEP, RSA_OAEP_11),
                Set.of(AES128_GCM, AES192_GCM, AES256_GCM));
    }

    public boolean enabled() {
        return key.isPresent();
    }
}
