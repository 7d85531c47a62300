package io.wssgate.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.load.ConfigLoader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration and key loading together: what a filter does at start-up. */
class InboundKeysTest {
    @TempDir
    Path dir;

    private PolicyConfig policy(String policyYaml) {
        String yaml = "policies:\n  p:\n" + policyYaml.indent(4);
        return ConfigLoader.fromYaml(new StringReader(yaml), dir,
                name -> Optional.ofNullable(Map.of("STORE_PW", "store-pw").get(name))).policies().get(0);
    }

    @Test
    void loadsEverythingAPolicyNames() throws Exception {
        KeyPair ca = GeneratedPki.newEc();
        X509Certificate caCert = GeneratedPki.selfSigned("CN=CA,O=Partner", ca);
        X509Certificate storeCert = GeneratedPki.selfSigned("CN=Store CA", GeneratedPki.newEc());
        X509Certificate idpCert = GeneratedPki.selfSigned("CN=idp", GeneratedPki.newEc());
        KeyPair rsa = GeneratedPki.rsa();
        X509Certificate serverCert = GeneratedPki.selfSigned("CN=server", rsa);
        X509CRL crl = GeneratedPki.crl(caCert, ca.getPrivate());
        GeneratedPki.writePem(dir.resolve("ca.pem"), caCert);
        GeneratedPki.writeTrustStore(dir.resolve("trust.p12"), "PKCS12", "store-pw", storeCert);
        GeneratedPki.writeDer(dir.resolve("ca.crl"), crl.getEncoded());
        GeneratedPki.writePem(dir.resolve("idp.pem"), idpCert);
        GeneratedPki.writeKeyStore(dir.resolve("server.p12"), "PKCS12", "store-pw", "server", rsa.getPrivate(),
                "store-pw", serverCert);
        Problems problems = new Problems();

        InboundKeys keys = InboundKeys.load(policy("""
                paths: [/s/*]
                trust:
                  certificates: [ca.pem]
                  keystore: {path: trust.p12, password: "${STORE_PW}"}
                  crls: [ca.crl]
                saml:
                  issuers: [{name: "https://idp", certificates: [idp.pem]}]
                  audiences: [urn:a]
                decryption:
                  key: {keystore: {path: server.p12, password: "${STORE_PW}"}, alias: server}
                """), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(keys.trustAnchors()).containsExactly(caCert, storeCert);
        assertThat(keys.crls()).containsExactly(crl);
        assertThat(keys.samlIssuers()).containsExactly(Map.entry("https://idp", java.util.List.of(idpCert)));
        assertThat(keys.decryptionKey()).hasValueSatisfying(k -> assertThat(k.certificate()).isEqualTo(serverCert));
    }

    @Test
    void reportsEveryKeyProblemWithItsKeyPath() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired = GeneratedPki.selfSigned("CN=expired idp", GeneratedPki.newEc(),
                now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(2)));
        GeneratedPki.writePem(dir.resolve("idp.pem"), expired);
        GeneratedPki.writeTrustStore(dir.resolve("trust.p12"), "PKCS12", "other", expired);
        X509Certificate serverCert = GeneratedPki.selfSigned("CN=server", GeneratedPki.rsa());
        GeneratedPki.writeKeyStore(dir.resolve("server.p12"), "PKCS12", "store-pw", "server",
                GeneratedPki.rsa().getPrivate(), "store-pw", serverCert);
        Problems problems = new Problems();

        InboundKeys keys = InboundKeys.load(policy("""
                paths: [/s/*]
                trust:
                  certificates: [missing.pem]
                  keystore: {path: trust.p12, password: "${STORE_PW}"}
                saml:
                  issuers: [{name: "https://idp", certificates: [idp.pem]}]
                  audiences: [urn:a]
                decryption:
                  key: {keystore: {path: server.p12, password: "${STORE_PW}"}, alias: srv}
                """), problems);

        assertThat(problems.list()).containsExactly(
                new ConfigProblem("policies.p.trust.certificates", "file not found: " + dir.resolve("missing.pem")),
                new ConfigProblem("policies.p.trust.keystore.password", "wrong password or corrupt keystore"),
                new ConfigProblem("policies.p.saml.issuers[0].certificates",
                        "certificate 'CN=expired idp' expired on " + expired.getNotAfter().toInstant()),
                new ConfigProblem("policies.p.decryption.key.alias",
                        "alias 'srv' not found in " + dir.resolve("server.p12") + " (available: server)"));
        assertThat(keys.trustAnchors()).isEmpty();
        assertThat(keys.decryptionKey()).isEmpty();
    }

    @Test
    void issuersOfDisabledSamlAreNotLoaded() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "");
        Problems problems = new Problems();

        InboundKeys keys = InboundKeys.load(policy("""
                paths: [/s/*]
                username-token: {enabled: true, password-source: io.wssgate.config.load.FixedPasswordSource}
                saml: {enabled: false, issuers: [{name: idp, certificates: [nowhere.pem]}]}
                """), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(keys.samlIssuers()).isEmpty();
        assertThat(keys.trustAnchors()).isEmpty();
    }
}
