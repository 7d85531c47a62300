package io.wssgate.examples.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;

/**
 * Generates the example key set and writes each identity three ways: certificate PEM,
 * unencrypted PKCS#8 key PEM, and a PKCS12 holding both (with the CA in the chain where it
 * issued the certificate), so every configuration style of the examples has its file.
 */
final class KeySetWriter {
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(730);

    private final Path dir;

    KeySetWriter(Path dir) {
        this.dir = dir;
    }

    void writeAll() throws IOException {
        try {
            Pki.Identity ca = Pki.selfSigned(ExampleKeys.CA_DN, true, CA_VALIDITY);
            // The IdP is deliberately not issued by the CA: SAML issuers are trusted by pinning
            // their own certificate, and a CA trusted for message signatures must not mint assertions.
            Pki.Identity idp = Pki.selfSigned(ExampleKeys.IDP_DN, false, LEAF_VALIDITY);
            Pki.Identity client = Pki.issuedBy(ca, ExampleKeys.CLIENT_DN, LEAF_VALIDITY);
            Pki.Identity server = Pki.issuedBy(ca, ExampleKeys.SERVER_DN, LEAF_VALIDITY);

            writePem(ExampleKeys.CA_CERT, "CERTIFICATE", ca.certificate().getEncoded());
            write(client, ExampleKeys.CLIENT_CERT, ExampleKeys.CLIENT_KEY, ExampleKeys.CLIENT_KEYSTORE,
                    ExampleKeys.CLIENT_ALIAS, ca);
            write(idp, ExampleKeys.IDP_CERT, ExampleKeys.IDP_KEY, ExampleKeys.IDP_KEYSTORE, ExampleKeys.IDP_ALIAS, null);
            write(server, ExampleKeys.SERVER_CERT, ExampleKeys.SERVER_KEY, ExampleKeys.SERVER_KEYSTORE,
                    ExampleKeys.SERVER_ALIAS, ca);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the example keys in " + dir, e);
        }
    }

    private void write(Pki.Identity identity, String certFile, String keyFile, String keystoreFile, String alias,
            Pki.Identity issuer) throws IOException, GeneralSecurityException {
        writePem(certFile, "CERTIFICATE", identity.certificate().getEncoded());
        writePem(keyFile, "PRIVATE KEY", identity.key().getEncoded());
        Certificate[] chain = issuer == null
                ? new Certificate[] {identity.certificate()}
                : new Certificate[] {identity.certificate(), issuer.certificate()};
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = ExampleKeys.KEYSTORE_PASSWORD.toCharArray();
        store.setKeyEntry(alias, identity.key(), password, chain);
        try (OutputStream out = Files.newOutputStream(dir.resolve(keystoreFile))) {
            store.store(out, password);
        }
    }

    private void writePem(String file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(dir.resolve(file),
                "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
    }
}
