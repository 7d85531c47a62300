package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.KeySource;
import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialLoaderTest {
    private static final String K = "policies.p.decryption.key";

    @TempDir
    Path dir;
    private final Problems problems = new Problems();
    private final KeyMaterialLoader loader = new KeyMaterialLoader(problems);
    private final KeyPair rsa = GeneratedPki.rsa();
    private final X509Certificate serverCert = GeneratedPki.selfSigned("CN=server,O=Example", rsa);

    @Test
    void readsEveryCertificateOfAPemBundleAndDer() throws Exception {
        X509Certificate a = GeneratedPki.selfSigned("CN=a", GeneratedPki.newEc());
        X509Certificate b = GeneratedPki.selfSigned("CN=b", GeneratedPki.newEc());
        Path bundle = GeneratedPki.writePem(dir.resolve("bundle.pem"), a, b);
        Path der = GeneratedPki.writeDer(dir.resolve("a.der"), a.getEncoded());

        assertThat(loader.certificates(bundle, "k")).containsExactly(a, b);
        assertThat(loader.certificates(der, "k")).containsExactly(a);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void missingOrEmptyCertificateFilesAreProblems() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThat(loader.certificates(missing, "k1")).isEmpty();
        assertThat(loader.certificates(empty, "k2")).isEmpty();

        assertThat(problems.list()).containsExactly(new ConfigProblem("k1", "file not found: " + missing),
                new ConfigProblem("k2", "no certificate in " + empty));
    }

    @Test
    void expiredAndNotYetValidCertificatesAreProblems() throws Exception {
        Instant now = Instant.now();
        X509Certificate old = GeneratedPki.selfSigned("CN=old,O=Example", GeneratedPki.newEc(),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        X509Certificate future = GeneratedPki.selfSigned("CN=future", GeneratedPki.newEc(),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        Path file = GeneratedPki.writePem(dir.resolve("certs.pem"), old, future);

        assertThat(loader.certificates(file, "k")).hasSize(2);

        assertThat(problems.list()).containsExactly(
                new ConfigProblem("k", "certificate 'CN=old,O=Example' expired on " + old.getNotAfter().toInstant()),
                new ConfigProblem("k", "certificate 'CN=future' is not valid before "
                        + future.getNotBefore().toInstant()));
    }

    @Test
    void validityIsJudgedByTheGivenClock() throws Exception {
        Path file = GeneratedPki.writePem(dir.resolve("server.pem"), serverCert);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);

        new KeyMaterialLoader(problems, later).certificates(file, "k");

        assertThat(problems.list()).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("certificate 'CN=server,O=Example' expired on ");
    }

    @Test
    void readsCrlsInPemAndDer() throws Exception {
        X509CRL crl = GeneratedPki.crl(serverCert, rsa.getPrivate(), java.math.BigInteger.TEN);
        Path pem = GeneratedPki.writePem(dir.resolve("ca.crl.pem"), crl);
        Path der = GeneratedPki.writeDer(dir.resolve("ca.crl"), crl.getEncoded());
        Path empty = Files.writeString(dir.resolve("empty.crl"), "");

        assertThat(loader.crls(pem, "k")).containsExactly(crl);
        assertThat(loader.crls(der, "k")).containsExactly(crl);
        assertThat(loader.crls(empty, "k")).isEmpty();

        assertThat(problems.list()).containsExactly(new ConfigProblem("k", "no CRL in " + empty));
    }

    @Test
    void trustStoreEntriesOfPkcs12AndJks() throws Exception {
        X509Certificate a = GeneratedPki.selfSigned("CN=a", GeneratedPki.newEc());
        X509Certificate b = GeneratedPki.selfSigned("CN=b", GeneratedPki.newEc());
        Path p12 = GeneratedPki.writeTrustStore(dir.resolve("t.p12"), "PKCS12", "pw", a, b);
        Path jks = GeneratedPki.writeTrustStore(dir.resolve("t.jks"), "JKS", "pw", a);

        assertThat(loader.trustedCertificates(new KeyStoreConfig(p12, "PKCS12", Secret.of("pw")), "ks"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(loader.trustedCertificates(new KeyStoreConfig(jks, "JKS", Secret.of("pw")), "ks"))
                .containsExactly(a);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void keystoreWrongPasswordAndMissingFile() throws Exception {
        X509Certificate a = GeneratedPki.selfSigned("CN=a", GeneratedPki.newEc());
        Path p12 = GeneratedPki.writeTrustStore(dir.resolve("t.p12"), "PKCS12", "right", a);
        Path jks = GeneratedPki.writeTrustStore(dir.resolve("t.jks"), "JKS", "right", a);
        Path missing = dir.resolve("none.p12");

        loader.trustedCertificates(new KeyStoreConfig(p12, "PKCS12", Secret.of("wrong")), "a.keystore");
        loader.trustedCertificates(new KeyStoreConfig(jks, "JKS", Secret.of("wrong")), "b.keystore");
        loader.trustedCertificates(new KeyStoreConfig(missing, "PKCS12", Secret.of("x")), "c.keystore");

        assertThat(problems.list()).containsExactly(
                new ConfigProblem("a.keystore.password", "wrong password or corrupt keystore"),
                new ConfigProblem("b.keystore.password", "wrong password or corrupt keystore"),
                new ConfigProblem("c.keystore.path", "file not found: " + missing));
    }

    @Test
    void keystoreKeyEntry() throws Exception {
        Path p12 = GeneratedPki.writeKeyStore(dir.resolve("s.p12"), "PKCS12", "pw", "server", rsa.getPrivate(),
                "pw", serverCert);

        Optional<LoadedKey> key = loader.key(entry(p12, "server", null), K);

        assertThat(problems.list()).isEmpty();
        assertThat(key).hasValueSatisfying(k -> {
            assertThat(k.privateKey()).isEqualTo(rsa.getPrivate());
            assertThat(k.certificate()).isEqualTo(serverCert);
            assertThat(k.toString()).isEqualTo("LoadedKey[RSA key for 'CN=server,O=Example']");
        });
    }

    @Test
    void keystoreAliasMissingOrNotAKey() throws Exception {
        Path p12 = GeneratedPki.writeKeyStore(dir.resolve("s.p12"), "PKCS12", "pw", "server", rsa.getPrivate(),
                "pw", serverCert);
        Path trust = GeneratedPki.writeTrustStore(dir.resolve("t.p12"), "PKCS12", "pw", serverCert);

        assertThat(loader.key(entry(p12, "client", null), K)).isEmpty();
        assertThat(loader.key(entry(trust, "cert0", null), K)).isEmpty();

        assertThat(problems.list()).containsExactly(
                new ConfigProblem(K + ".alias", "alias 'client' not found in " + p12 + " (available: server)"),
                new ConfigProblem(K + ".alias", "entry 'cert0' in " + trust + " is not a private key"));
    }

    @Test
    void keystoreKeyWithItsOwnPassword() throws Exception {
        Path jks = GeneratedPki.writeKeyStore(dir.resolve("s.jks"), "JKS", "store-pw", "server", rsa.getPrivate(),
                "key-pw", serverCert);

        assertThat(loader.key(entry(jks, "server", "key-pw"), K)).isPresent();
        assertThat(problems.list()).isEmpty();

        assertThat(loader.key(entry(jks, "server", null), K)).isEmpty();
        assertThat(loader.key(entry(jks, "server", "wrong"), K)).isEmpty();
        assertThat(problems.list()).containsExactly(
                new ConfigProblem(K + ".key-password", "wrong key password for alias 'server' in " + jks
                        + " (the keystore password was tried; set key-password)"),
                new ConfigProblem(K + ".key-password", "wrong key password for alias 'server' in " + jks));
    }

    private static KeySource entry(Path store, String alias, String keyPassword) {
        String type = store.toString().endsWith(".jks") ? "JKS" : "PKCS12";
        String storePassword = type.equals("JKS") ? "store-pw" : "pw";
        return new KeySource.KeyStoreEntry(new KeyStoreConfig(store, type, Secret.of(storePassword)), alias,
                Optional.ofNullable(keyPassword).map(Secret::of));
    }

    @Test
    void pemKeysUnencryptedEncryptedAndTraditional() throws Exception {
        Path cert = GeneratedPki.writePem(dir.resolve("server.pem"), serverCert);
        Path pkcs8 = GeneratedPki.writePkcs8(dir.resolve("k1.pem"), rsa.getPrivate());
        Path encrypted = GeneratedPki.writeEncryptedPkcs8(dir.resolve("k2.pem"), rsa.getPrivate(), "s3cret");
        Path traditional = GeneratedPki.writeTraditional(dir.resolve("k3.pem"), rsa.getPrivate(), null);
        Path traditionalEncrypted = GeneratedPki.writeTraditional(dir.resolve("k4.pem"), rsa.getPrivate(), "s3cret");
        assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        for (Path key : List.of(pkcs8, encrypted, traditional, traditionalEncrypted)) {
            Optional<LoadedKey> loaded = loader.key(pem(key, cert, "s3cret"), K);
            assertThat(loaded).as(key.toString()).hasValueSatisfying(k -> {
                assertThat(k.privateKey().getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
                assertThat(k.certificate()).isEqualTo(serverCert);
            });
        }
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void encryptedPemKeyWithWrongOrMissingPassword() throws Exception {
        Path cert = GeneratedPki.writePem(dir.resolve("server.pem"), serverCert);
        Path encrypted = GeneratedPki.writeEncryptedPkcs8(dir.resolve("k.pem"), rsa.getPrivate(), "s3cret");
        Path traditional = GeneratedPki.writeTraditional(dir.resolve("t.pem"), rsa.getPrivate(), "s3cret");

        assertThat(loader.key(pem(encrypted, cert, "wrong"), K)).isEmpty();
        assertThat(loader.key(pem(traditional, cert, "wrong"), K)).isEmpty();
        assertThat(loader.key(pem(encrypted, cert, null), K)).isEmpty();

        assertThat(problems.list()).containsExactly(
                new ConfigProblem(K + ".password", "wrong password for the encrypted private key in " + encrypted),
                new ConfigProblem(K + ".password", "wrong password for the encrypted private key in " + traditional),
                new ConfigProblem(K + ".password", "the private key in " + encrypted
                        + " is encrypted: password (or password-file) required"));
    }

    @Test
    void pemKeyProblems() throws Exception {
        Path cert = GeneratedPki.writePem(dir.resolve("server.pem"), serverCert);
        Path otherKey = GeneratedPki.writePkcs8(dir.resolve("other.pem"), GeneratedPki.newEc().getPrivate());
        Path missing = dir.resolve("missing.pem");

        assertThat(loader.key(pem(otherKey, cert, null), K)).isEmpty();
        assertThat(loader.key(pem(cert, cert, null), K)).isEmpty();
        assertThat(loader.key(pem(missing, cert, null), K)).isEmpty();

        assertThat(problems.list()).containsExactly(
                new ConfigProblem(K + ".certificate", "certificate 'CN=server,O=Example' in " + cert
                        + " does not belong to the private key in " + otherKey),
                new ConfigProblem(K + ".private-key", "no private key in " + cert),
                new ConfigProblem(K + ".private-key", "file not found: " + missing));
    }

    private static KeySource pem(Path key, Path cert, String password) {
        return new KeySource.PemKeyPair(key, cert, Optional.ofNullable(password).map(Secret::of));
    }
}
