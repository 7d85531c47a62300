package io.wssgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wssgate.testing.TestKeys.Identity;

class TestKeysTest {

    private static final TestKeys KEYS = TestKeys.create();
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void issuedCertificateChainsToTheCaAndCarriesTheExpectedFields() throws Exception {
        Identity alice = KEYS.issue("alice");
        X509Certificate cert = alice.certificate();

        cert.checkValidity();
        cert.verify(KEYS.ca().certificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=WSS Gate Test,C=DE");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(KEYS.ca().certificate().getSubjectX500Principal());
        assertThat(cert.getExtensionValue("2.5.29.14")).as("SKI").isNotNull();
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(alice.chain()).containsExactly(cert, KEYS.ca().certificate());
        assertThat(KEYS.issue("alice")).as("cached").isSameAs(alice);
        assertThat(KEYS.ca().certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void variantsAreWhatTheirNamesSay() throws Exception {
        assertThatThrownBy(() -> KEYS.expired("old").certificate().checkValidity())
                .isInstanceOf(CertificateExpiredException.class);
        KEYS.expired("old").certificate().verify(KEYS.ca().certificate().getPublicKey());
        assertThatThrownBy(() -> KEYS.notYetValid("young").certificate().checkValidity())
                .isInstanceOf(CertificateNotYetValidException.class);

        X509Certificate self = KEYS.selfSigned("mallory").certificate();
        self.verify(self.getPublicKey());
        assertThat(self.getBasicConstraints()).isEqualTo(-1);

        X509Certificate foreign = KEYS.issueByOtherCa("eve").certificate();
        foreign.verify(KEYS.otherCa().certificate().getPublicKey());
        assertThat(foreign.getIssuerX500Principal()).isNotEqualTo(KEYS.ca().certificate().getSubjectX500Principal());

        assertThat(KEYS.issueEc("ec").certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) KEYS.issueEc("ec").certificate().getPublicKey()).getParams().getCurve()
                .getField().getFieldSize()).isEqualTo(256);
        assertThat(((RSAPublicKey) KEYS.issueRsa1024("weak").certificate().getPublicKey()).getModulus().bitLength())
                .isEqualTo(1024);
    }

    @Test
    void crlListsRevokedCertificatesOnly() throws Exception {
        X509Certificate revoked = KEYS.revoked("revoked").certificate();
        X509CRL crl = KEYS.crl();

        crl.verify(KEYS.ca().certificate().getPublicKey());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(KEYS.issue("alice").certificate())).isFalse();
    }

    @Test
    void writersProduceLoadableFiles() throws Exception {
        Identity alice = KEYS.issue("alice");
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");

        Path pem = TestKeys.writePem(dir.resolve("bundle.pem"), alice.chainArray());
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<java.security.cert.Certificate> certs = new java.util.ArrayList<>(x509.generateCertificates(in));
            assertThat(certs).containsExactly(alice.certificate(), KEYS.ca().certificate());
        }

        for (String type : new String[] {"PKCS12", "JKS"}) {
            Path file = "JKS".equals(type)
                    ? TestKeys.writeJks(dir.resolve("k.jks"), PASSWORD, "alice", alice)
                    : TestKeys.writePkcs12(dir.resolve("k.p12"), PASSWORD, "alice", alice);
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            assertThat(store.getKey("alice", PASSWORD)).isEqualTo(alice.privateKey());
            assertThat(store.getCertificateChain("alice")).hasSize(2);
        }

        Path trust = TestKeys.writeTrustStorePkcs12(dir.resolve("trust.p12"), PASSWORD, KEYS.ca().certificate());
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trust)) {
            trustStore.load(in, PASSWORD);
        }
        assertThat(trustStore.isCertificateEntry("cert0")).isTrue();

        Path crl = TestKeys.writeCrlPem(dir.resolve("ca.crl.pem"), KEYS.crl());
        try (InputStream in = Files.newInputStream(crl)) {
            assertThat(x509.generateCRL(in)).isEqualTo(KEYS.crl());
        }
    }

    @Test
    void pkcs8WritersRoundTrip() throws Exception {
        PrivateKey key = KEYS.issue("alice").privateKey();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();

        Path plain = TestKeys.writePkcs8Pem(dir.resolve("plain.pem"), key);
        assertThat(Files.readString(plain)).startsWith("-----BEGIN PRIVATE KEY-----");
        try (Reader in = Files.newBufferedReader(plain); PEMParser parser = new PEMParser(in)) {
            assertThat(converter.getPrivateKey((PrivateKeyInfo) parser.readObject())).isEqualTo(key);
        }

        Path encrypted = TestKeys.writeEncryptedPkcs8Pem(dir.resolve("enc.pem"), key, PASSWORD);
        assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        try (Reader in = Files.newBufferedReader(encrypted); PEMParser parser = new PEMParser(in)) {
            PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
            PrivateKeyInfo decrypted = info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(new BouncyCastleProvider()).build(PASSWORD));
            assertThat(converter.getPrivateKey(decrypted)).isEqualTo(key);
        }
    }
}
