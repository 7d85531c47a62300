package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * One private key wrapped as the WSS4J {@link Crypto} its signing and decryption APIs want:
 * its certificate in an in-memory store under a fixed alias, and the key object itself handed
 * out wherever WSS4J asks for the private key. The key is never copied into a keystore, so a key
 * that cannot be exported (one held by a PKCS#11 token) works the same as one read from a file.
 * Used for outbound signing keys, SAML issuer keys and the decryption key.
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
        // WSS4J's APIs take a key password; this one unlocks nothing, the key is handed out directly
        this.password = Base64.getEncoder().encodeToString(random);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ALIAS, key.certificate());
            this.crypto = new HeldKey(key);
            this.crypto.setKeyStore(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the certificate in memory", e);
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

    /** A Merlin whose only private key is the one held, found by alias, certificate or public key. */
    private static final class HeldKey extends Merlin {
        private final LoadedKey key;

        HeldKey(LoadedKey key) {
            this.key = key;
        }

        @Override
        public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
            if (ALIAS.equals(identifier)) {
                return key.privateKey();
            }
            throw noKey("alias " + identifier);
        }

        @Override
        public PrivateKey getPrivateKey(X509Certificate certificate, CallbackHandler callbackHandler)
                throws WSSecurityException {
            if (key.certificate().equals(certificate)) {
                return key.privateKey();
            }
            throw noKey("certificate " + (certificate == null ? null : certificate.getSubjectX500Principal()));
        }

        @Override
        public PrivateKey getPrivateKey(PublicKey publicKey, CallbackHandler callbackHandler)
                throws WSSecurityException {
            if (key.certificate().getPublicKey().equals(publicKey)) {
                return key.privateKey();
            }
            throw noKey("a public key that is not ours");
        }

        private static WSSecurityException noKey(String what) {
            return new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "empty",
                    new Object[] {"no private key for " + what});
        }
    }
}
