package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * One private key wrapped as the WSS4J {@link Crypto} its signing and decryption APIs want:
 * an in-memory keystore under a fixed alias and a random password that never leaves the
 * process. Used for outbound signing keys, SAML issuer keys and the decryption key.
 */
public final class KeyCrypto {
    public static final String ALIAS = "wssgate";

    private final Merlin crypto;
    private final String password;
    private final LoadedKey key;

    public KeyCrypto(LoadedKey key) {
        this.key = key;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.password = Base64.getEncoder().encodeToString(random);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key.privateKey(), password.toCharArray(),
                    new X509Certificate[] {key.certificate()});
            this.crypto = new Merlin();
            this.crypto.setKeyStore(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the key in memory", e);
        }
    }

    public Crypto crypto() {
        return crypto;
    }

    public String password() {
        return password;
    }

    public X509Certificate certificate() {
        return key.certificate();
    }

    /** RSA-SHA256 or ECDSA-SHA256, by the key's type, when the policy names no algorithm. */
    public String defaultSignatureAlgorithm() {
        return "EC".equals(key.privateKey().getAlgorithm())
                ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
                : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    }
}
