package io.wssgate.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

import io.wssgate.testing.TestKeys.Identity;

/** File formats for {@link TestKeys}' writers. Parent directories are created as needed. */
final class KeyMaterialFiles {

    /**
     * Handed to Bouncy Castle as an object, never registered globally: PBES2 with an HMAC-SHA256
     * PRF is only guaranteed to be available from BC, and tests must not change the JVM's
     * provider list behind the code under test.
     */
    private static final class Bc {
        // typed Provider, in a class of its own: the FIPS tests' class path has no regular Bouncy Castle,
        // and only writing an encrypted key needs it
        static final java.security.Provider PROVIDER = new BouncyCastleProvider();
    }

    private KeyMaterialFiles() {
    }

    static Path writePem(Path file, X509Certificate... certificates) throws IOException {
        return writePemObjects(file, (Object[]) certificates);
    }

    static Path writeCrlPem(Path file, X509CRL crl) throws IOException {
        return writePemObjects(file, crl);
    }

    static Path writePkcs8(Path file, PrivateKey key, char[] password) throws IOException {
        OutputEncryptor encryptor = null;
        if (password != null) {
            try {
                encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setPassword(password)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(10_000)
                        .setRandom(new SecureRandom())
                        .setProvider(Bc.PROVIDER)
                        .build();
            } catch (OperatorCreationException e) {
                throw new IllegalStateException("Cannot build PKCS#8 encryptor", e);
            }
        }
        return writePemObjects(file, new JcaPKCS8Generator(key, encryptor));
    }

    static Path writeKeyStore(String type, Path file, char[] password, String alias, Identity identity)
            throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            store.setKeyEntry(alias, identity.privateKey(), password, identity.chainArray());
            return store(store, file, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build " + type + " keystore", e);
        }
    }

    static Path writeTrustStore(Path file, char[] password, X509Certificate... certificates) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                store.setCertificateEntry("cert" + i, certificates[i]);
            }
            return store(store, file, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build trust store", e);
        }
    }

    private static Path store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        createParent(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    private static Path writePemObjects(Path file, Object... objects) throws IOException {
        createParent(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                    pem.writeObject(generator);
                } else {
                    pem.writeObject(object);
                }
            }
        }
        return file;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
