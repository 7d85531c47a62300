package io.wssgate.examples.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated files are what README.txt says they are, and a second run reuses them. */
class ExampleKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesACaIssuedClientAndServerAndASelfSignedIdp() throws Exception {
        ExampleKeys keys = ExampleKeys.ensure(dir.resolve("keys"));

        X509Certificate ca = certificate(keys.file(ExampleKeys.CA_CERT));
        X509Certificate client = certificate(keys.file(ExampleKeys.CLIENT_CERT));
        X509Certificate server = certificate(keys.file(ExampleKeys.SERVER_CERT));
        X509Certificate idp = certificate(keys.file(ExampleKeys.IDP_CERT));
        client.verify(ca.getPublicKey());
        server.verify(ca.getPublicKey());
        idp.verify(idp.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(client.getBasicConstraints()).isEqualTo(-1);
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo(ExampleKeys.CLIENT_DN);
        assertThat(idp.getSubjectX500Principal().getName()).isEqualTo(ExampleKeys.IDP_DN);
        client.checkValidity();

        assertThat(pemKeyMatches(keys.file(ExampleKeys.CLIENT_KEY), client)).isTrue();
        assertThat(pemKeyMatches(keys.file(ExampleKeys.IDP_KEY), idp)).isTrue();
        assertThat(keystoreKeyMatches(keys, ExampleKeys.SERVER_KEYSTORE, ExampleKeys.SERVER_ALIAS, server)).isTrue();
        assertThat(keystoreKeyMatches(keys, ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS, client)).isTrue();
        assertThat(keystoreKeyMatches(keys, ExampleKeys.IDP_KEYSTORE, ExampleKeys.IDP_ALIAS, idp)).isTrue();
    }

    @Test
    void aCompleteSetIsReusedAndAnIncompleteOneRegenerated() throws Exception {
        Path target = dir.resolve("keys");
        ExampleKeys.ensure(target);
        byte[] ca = Files.readAllBytes(target.resolve(ExampleKeys.CA_CERT));

        ExampleKeys.ensure(target);
        assertThat(Files.readAllBytes(target.resolve(ExampleKeys.CA_CERT))).isEqualTo(ca);

        Files.delete(target.resolve(ExampleKeys.SERVER_KEYSTORE));
        ExampleKeys.ensure(target);
        assertThat(target.resolve(ExampleKeys.SERVER_KEYSTORE)).isRegularFile();
        assertThat(Files.readAllBytes(target.resolve(ExampleKeys.CA_CERT))).isNotEqualTo(ca);
    }

    @Test
    void mainPrintsTheFilesAndEveryVariable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExampleKeys.print(ExampleKeys.ensure(dir), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains(ExampleKeys.FILES.stream().filter(f -> !f.equals(ExampleKeys.README)).toList());
        assertThat(printed).contains(List.of(ExampleKeys.TRUST_CA_VARIABLE, ExampleKeys.IDP_NAME_VARIABLE,
                ExampleKeys.IDP_CERT_VARIABLE, ExampleKeys.AUDIENCE_VARIABLE, ExampleKeys.SERVER_KEYSTORE_VARIABLE,
                ExampleKeys.SERVER_KEYSTORE_PASSWORD_VARIABLE, ExampleKeys.KEYS_DIR_VARIABLE));
        assertThat(printed).contains("DEMO MATERIAL ONLY", dir.toAbsolutePath().toString());
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static boolean pemKeyMatches(Path pem, X509Certificate certificate) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return signsFor(key, certificate);
    }

    private static boolean keystoreKeyMatches(ExampleKeys keys, String p12, String alias, X509Certificate certificate)
            throws Exception {
        KeyStore.PrivateKeyEntry entry = keys.privateKeyEntry(p12, alias);
        return entry.getCertificate().equals(certificate) && signsFor(entry.getPrivateKey(), certificate);
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] data = "proof".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
