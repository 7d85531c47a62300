package io.wssgate.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key material generated at test time (nothing committed): key pairs, certificates, CRLs and the
 * files the loaders read. Bouncy Castle is passed explicitly, never registered globally.
 */
public final class GeneratedPki {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private GeneratedPki() {
    }

    /** RSA generation is slow, so one pair per JVM serves every test that does not care which key it gets. */
    private static final class Shared {
        static final KeyPair RSA = newRsa();
    }

    public static KeyPair rsa() {
        return Shared.RSA;
    }

    public static KeyPair newRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair newEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate valid from an hour ago for a year. */
    public static X509Certificate selfSigned(String dn, KeyPair keys) {
        Instant now = Instant.now();
        return selfSigned(dn, keys, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    public static X509Certificate selfSigned(String dn, KeyPair keys, Instant notBefore, Instant notAfter) {
        try {
            // Via X500Principal so the DN reads back the same in RFC 2253 form (BC keeps the written RDN order).
            X500Name name = X500Name.getInstance(new X500Principal(dn).getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), name,
                    keys.getPublic());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, BigInteger... revoked) {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(now), 0);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(signer(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws Exception {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key);
    }

    /** Writes certificates, CRLs or keys as PEM blocks, in order. */
    public static Path writePem(Path file, Object... objects) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        return file;
    }

    /** Unencrypted PKCS#8 ("BEGIN PRIVATE KEY"). */
    public static Path writePkcs8(Path file, PrivateKey key) throws Exception {
        return writePem(file, new JcaPKCS8Generator(key, null));
    }

    /** Encrypted PKCS#8 ("BEGIN ENCRYPTED PRIVATE KEY"), PBES2 with AES-256-CBC. */
    public static Path writeEncryptedPkcs8(Path file, PrivateKey key, String password) throws Exception {
        return writePem(file, new JcaPKCS8Generator(key,
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                        .setPassword(password.toCharArray()).build()));
    }

    /** Traditional OpenSSL "BEGIN RSA PRIVATE KEY", encrypted with a Proc-Type header when a password is given. */
    public static Path writeTraditional(Path file, PrivateKey key, String password) throws Exception {
        if (password == null) {
            return writePem(file, key);
        }
        return writePem(file, new JcaMiscPEMGenerator(key,
                new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(password.toCharArray())));
    }

    public static Path writeDer(Path file, byte[] encoded) throws IOException {
        Files.write(file, encoded);
        return file;
    }

    /** A keystore of the given type holding trusted certificates under alias "cert0", "cert1", ... */
    public static Path writeTrustStore(Path file, String type, String password, X509Certificate... certs)
            throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        for (int i = 0; i < certs.length; i++) {
            store.setCertificateEntry("cert" + i, certs[i]);
        }
        return save(store, file, password);
    }

    /** A keystore of the given type holding one private key entry. */
    public static Path writeKeyStore(Path file, String type, String storePassword, String alias, PrivateKey key,
                                     String keyPassword, X509Certificate cert) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setKeyEntry(alias, key, keyPassword.toCharArray(), new Certificate[] {cert});
        return save(store, file, storePassword);
    }

    private static Path save(KeyStore store, Path file, String password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
