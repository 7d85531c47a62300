package io.wssgate.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Decryption of encrypted Body and headers; only with a configured key.
 * {@code requireEncryptedBody} and {@code requiredEncryptedHeaders} (WS-SecurityPolicy's
 * EncryptedParts): those parts must arrive encrypted, a message carrying them in clear is refused.
 */
public record DecryptionPolicy(Optional<KeySource> key, Set<String> keyTransportAlgorithms,
                               Set<String> dataAlgorithms, boolean requireEncryptedBody,
                               List<QName> requiredEncryptedHeaders) {
    public static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_OAEP_11 = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES192_GCM = "http://www.w3.org/2009/xmlenc11#aes192-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

    public DecryptionPolicy {
        key = key == null ? Optional.empty() : key;
        keyTransportAlgorithms = Set.copyOf(keyTransportAlgorithms);
        dataAlgorithms = Set.copyOf(dataAlgorithms);
        requiredEncryptedHeaders = List.copyOf(requiredEncryptedHeaders);
    }

    /** Decryption that requires no part to be encrypted (the default). */
    public DecryptionPolicy(Optional<KeySource> key, Set<String> keyTransportAlgorithms, Set<String> dataAlgorithms) {
        this(key, keyTransportAlgorithms, dataAlgorithms, false, List.of());
    }

    public static DecryptionPolicy disabled() {
        return new DecryptionPolicy(Optional.empty(), Set.of(RSA_OAEP, RSA_OAEP_11),
                Set.of(AES128_GCM, AES192_GCM, AES256_GCM));
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** True when some part must arrive encrypted. */
    public boolean requiresEncryption() {
        return requireEncryptedBody || !requiredEncryptedHeaders.isEmpty();
    }
}
