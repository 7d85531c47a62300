package io.wssgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wssgate keys} on every format it reads, written by the tests from generated keys: PEM
 * (certificate bundle, PKCS#8 key, encrypted PKCS#8 key, CRL), DER, PKCS#12 and JKS. It names
 * subjects, issuers, validity, key sizes, fingerprints and aliases, matches keys to their
 * certificates, and never prints key material or a password.
 */
class KeysCommandTest {
    private static final String PASSWORD = "s3cret-Store-pass";

    @TempDir
    static Path dir;
    static final TestKeys KEYS = TestKeys.create();
    static Identity client;
    static Path passwordFile;

    @BeforeAll
    static void setUp() throws Exception {
        client = KEYS.issue("client");
        passwordFile = Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
    }

    @Test
    void aPemBundleWithItsKeyShowsEachCertificateAndWhichOneTheKeyBelongsTo() throws Exception {
        Path pem = dir.resolve("bundle.pem");
        TestKeys.writePem(pem, client.certificate(), KEYS.ca().certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey());
        Files.writeString(pem, Files.readString(pem) + Files.readString(key));

        Cli.Result result = Cli.run("keys", pem.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("(PEM)")
                .contains("#1  certificate").contains("subject     CN=client,O=WSS Gate Test,C=DE")
                .contains("issuer      CN=" + TestKeys.CA_NAME)
                .contains("#2  certificate").contains("(self-signed)").contains("; a CA")
                .contains("#3  private key").contains("RSA 2048 bits")
                .contains("belongs to  the certificate #1 of this file")
                .contains("serial      " + client.certificate().getSerialNumber().toString(16))
                .containsPattern("valid +\\S+ \\.\\. \\S+ +\\(36[45] days left\\)")
                .contains("SHA-256     " + fingerprint("SHA-256", client.certificate()))
                .contains("SHA-1       " + fingerprint("SHA-1", client.certificate()));
        assertNoKeyMaterial(result, client);
    }

    @Test
    void anEncryptedPemKeyIsOnlyOpenedWithItsPassword() throws Exception {
        Path key = TestKeys.writeEncryptedPkcs8Pem(dir.resolve("encrypted-key.pem"), client.privateKey(),
                PASSWORD.toCharArray());

        Cli.Result without = Cli.run("keys", key.toString());
        Cli.Result with = Cli.run("keys", "--password-file", passwordFile.toString(), key.toString());
        Cli.Result wrong = Cli.run("keys", "--password-file",
                Files.writeString(dir.resolve("wrong.txt"), "not-it").toString(), key.toString());

        assertThat(without.status()).as("%s", without).isEqualTo(ExitCodes.OK);
        assertThat(without.out()).contains("private key").contains("(not opened)")
                .contains("encrypted: give its password to see more");
        assertThat(with.out()).contains("RSA 2048 bits").doesNotContain("not opened");
        assertThat(wrong.out()).contains("the password given does not open it");
        assertNoKeyMaterial(with, client);
    }

    @Test
    void aPkcs12KeystoreShowsItsAliasKeyAndChain() throws Exception {
        Path p12 = TestKeys.writePkcs12(dir.resolve("client.p12"), PASSWORD.toCharArray(), "signing", client);

        Cli.Result result = Cli.run("keys", "--json", "--password-file", passwordFile.toString(), p12.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.OK);
        Map<String, Object> file = files(result).get(0);
        assertThat(file.get("format")).isEqualTo("PKCS12");
        List<Map<String, Object>> items = items(file);
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("name")).isEqualTo("signing");
            assertThat(i.get("kind")).isEqualTo("private key");
            assertThat(i.get("algorithm")).isEqualTo("RSA");
            assertThat(i.get("bits")).isEqualTo(2048);
            assertThat(i.get("certificate")).isEqualTo("signing");
        }).anySatisfy(i -> {
            assertThat(i.get("name")).isEqualTo("signing");
            assertThat(i.get("kind")).isEqualTo("certificate of key entry");
            assertThat(i.get("subject")).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
            assertThat(i.get("key")).isEqualTo("RSA 2048 bits");
            assertThat(i.get("sha256")).isEqualTo(fingerprint("SHA-256", client.certificate()));
        });
        assertNoKeyMaterial(result, client);
    }

    @Test
    void aJksKeystoreIsToldByItsContentAndAWrongPasswordIsExitThree() throws Exception {
        Path jks = TestKeys.writeJks(dir.resolve("store.bin"), PASSWORD.toCharArray(), "legacy", client);

        Cli.Result result = Cli.run("keys", "--password-file", passwordFile.toString(), jks.toString());
        Cli.Result wrong = Cli.run("keys", "--password-file",
                Files.writeString(dir.resolve("wrong-jks.txt"), "not-it").toString(), jks.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("(JKS)").contains("legacy  private key").contains("legacy  certificate of key entry");
        assertThat(wrong.status()).as("%s", wrong).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(wrong.out()).contains("cannot read: wrong password for this JKS keystore");
        assertThat(wrong.out() + wrong.err()).doesNotContain("not-it");
    }

    @Test
    void aTrustStoreDerCertificateAndCrlAreRead() throws Exception {
        Path trust = TestKeys.writeTrustStorePkcs12(dir.resolve("trust.p12"), PASSWORD.toCharArray(),
                KEYS.ca().certificate());
        Path der = Files.write(dir.resolve("client.cer"), client.certificate().getEncoded());
        KEYS.revoked("client"); // its serial is on the CRL written next
        Path crl = TestKeys.writeCrlPem(dir.resolve("ca.crl"), KEYS.crl());

        Cli.Result result = Cli.run("keys", "--json", "--password-file", passwordFile.toString(), trust.toString(),
                der.toString(), crl.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.OK);
        List<Map<String, Object>> files = files(result);
        assertThat(items(files.get(0))).singleElement().satisfies(i -> {
            assertThat(i.get("kind")).isEqualTo("trusted certificate");
            assertThat(i.get("subject")).isEqualTo("CN=" + TestKeys.CA_NAME + ",O=WSS Gate Test,C=DE");
            assertThat(i.get("ca")).isEqualTo(true);
        });
        assertThat(files.get(1).get("format")).isEqualTo("DER certificate");
        assertThat(items(files.get(1))).singleElement().satisfies(i -> assertThat(i.get("serial"))
                .isEqualTo(client.certificate().getSerialNumber().toString(16)));
        assertThat(files.get(2).get("format")).isEqualTo("PEM");
        assertThat(items(files.get(2))).singleElement().satisfies(i -> {
            assertThat(i.get("kind")).isEqualTo("CRL");
            assertThat(i.get("revoked")).isEqualTo(1);
        });
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsExitOne() throws Exception {
        Path expired = TestKeys.writePem(dir.resolve("expired.pem"), KEYS.expired("client").certificate());
        Path valid = TestKeys.writePem(dir.resolve("valid.pem"), client.certificate());
        String inTwoYears = Instant.now().plus(Duration.ofDays(730)).toString();

        Cli.Result result = Cli.run("keys", expired.toString());
        Cli.Result later = Cli.run("keys", "--at", inTwoYears, valid.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(result.out()).containsPattern("EXPIRED \\d+ days ago");
        assertThat(later.status()).as("%s", later).isEqualTo(ExitCodes.NEGATIVE);
    }

    @Test
    void aFileOfNoKnownFormatOrNoFileIsExitThree() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");

        Cli.Result result = Cli.run("keys", text.toString(), dir.resolve("absent.pem").toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(result.out()).contains("notes.txt: cannot read: not a key or certificate file")
                .contains("absent.pem: cannot read: no such file");
    }

    /** Neither the private key (PEM body, modulus, exponent) nor the password appear anywhere. */
    private static void assertNoKeyMaterial(Cli.Result result, Identity identity) throws Exception {
        String all = result.out() + result.err();
        String pkcs8 = Base64.getEncoder().encodeToString(identity.privateKey().getEncoded());
        assertThat(all).doesNotContain(PASSWORD).doesNotContain(pkcs8.substring(40, 100))
                .doesNotContain("PRIVATE KEY-----");
        if (identity.privateKey() instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
            assertThat(all).doesNotContain(rsa.getPrivateExponent().toString(16).substring(0, 32))
                    .doesNotContain(rsa.getPrivateExponent().toString().substring(0, 32));
        }
    }

    private static String fingerprint(String algorithm, X509Certificate certificate) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance(algorithm)
                .digest(certificate.getEncoded()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files(Cli.Result result) {
        return (List<Map<String, Object>>) result.json().get("files");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> file) {
        return (List<Map<String, Object>>) file.get("items");
    }
}
