package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saml.encrypted-assertions} and {@code outbound.encryption.assertion}: defaults, both
 * configuration forms, and the start-up problems (with their key paths) when they cannot work.
 */
class EncryptedAssertionConfigTest {
    private static final VariableResolver NO_VARS = name -> Optional.empty();
    private static final String SAML = """
                saml:
                  issuers: [{name: idp, certificates: [idp.pem]}]
                  audiences: [urn:a]
            """;
    private static final String DECRYPTION = """
                decryption:
                  key: {private-key: server-key.pem, certificate: server.pem}
            """;
    private static final String SELF_ISSUED = """
                outbound:
                  token:
                    source: self-issued
                    saml:
                      version: "%s"
                      issuer: https://wsc
                      issuer-key: {private-key: wsc-key.pem, certificate: wsc.pem}
                      subject: alice
                  signature:
                    key: {private-key: client-key.pem, certificate: client.pem}
                  encryption:
                    recipient-certificate: server.pem
                    parts: []
                    assertion: true
            """;

    @TempDir
    Path dir;

    private PolicyConfig load(String policyYaml) {
        return ConfigLoader.fromYaml(new StringReader(yaml(policyYaml)), dir, NO_VARS).policies().get(0);
    }

    private List<ConfigProblem> problemsOf(String policyYaml) {
        return catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromYaml(new StringReader(yaml(policyYaml)), dir, NO_VARS)).problems();
    }

    private static String yaml(String policyYaml) {
        return "policies:\n  p:\n    paths: [/s/*]\n    trust: {certificates: [ca.pem]}\n" + policyYaml;
    }

    @Test
    void bothAreOffByDefault() {
        PolicyConfig p = load(SAML + DECRYPTION + """
                    outbound:
                      encryption: {recipient-certificate: server.pem}
                """);
        assertThat(p.saml().encryptedAssertions()).isFalse();
        assertThat(p.outbound().encryption().orElseThrow().encryptAssertion()).isFalse();
        assertThat(p.outbound().encryption().orElseThrow().encryptBody()).isTrue();
    }

    @Test
    void yamlTurnsThemOn() {
        PolicyConfig server = load(SAML + "      encrypted-assertions: true\n" + DECRYPTION);
        assertThat(server.saml().encryptedAssertions()).isTrue();

        PolicyConfig client = load(SELF_ISSUED.formatted("2.0"));
        assertThat(client.outbound().encryption().orElseThrow().encryptAssertion()).isTrue();
        assertThat(client.outbound().encryption().orElseThrow().encryptBody()).as("parts: [] encrypts no Body").isFalse();
    }

    @Test
    void flatKeysTurnThemOn() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("policies.p.paths", "/s/*");
        m.put("policies.p.trust.certificates", "ca.pem");
        m.put("policies.p.saml.issuers.0.name", "idp");
        m.put("policies.p.saml.issuers.0.certificates", "idp.pem");
        m.put("policies.p.saml.audiences", "urn:a");
        m.put("policies.p.saml.encrypted-assertions", "true");
        m.put("policies.p.decryption.key.private-key", "server-key.pem");
        m.put("policies.p.decryption.key.certificate", "server.pem");
        m.put("policies.p.outbound.token.source", "propagated");
        m.put("policies.p.outbound.encryption.recipient-certificate", "partner.pem");
        m.put("policies.p.outbound.encryption.assertion", "true");

        PolicyConfig p = ConfigLoader.fromProperties(m, dir, NO_VARS).policies().get(0);

        assertThat(p.saml().encryptedAssertions()).isTrue();
        assertThat(p.outbound().encryption().orElseThrow().encryptAssertion()).isTrue();
        assertThat(p.outbound().encryption().orElseThrow().recipientCertificate()).isEqualTo(dir.resolve("partner.pem"));
    }

    @Test
    void encryptedAssertionsWithoutADecryptionKeyFailStartUp() {
        assertThat(problemsOf(SAML + "      encrypted-assertions: true\n")).containsExactly(new ConfigProblem(
                "policies.p.saml.encrypted-assertions", "requires decryption.key (the key the assertions are encrypted for)"));
    }

    @Test
    void encryptedAssertionsWithoutSamlFailStartUp() {
        assertThat(problemsOf("""
                    saml:
                      enabled: false
                      encrypted-assertions: true
                """ + DECRYPTION)).containsExactly(new ConfigProblem(
                "policies.p.saml.encrypted-assertions", "requires SAML to be enabled (saml.issuers)"));
    }

    @Test
    void encryptedAssertionsMustBeABoolean() {
        assertThat(problemsOf(SAML + "      encrypted-assertions: yes\n" + DECRYPTION)).containsExactly(new ConfigProblem(
                "policies.p.saml.encrypted-assertions", "invalid boolean 'yes' (use true or false)"));
    }

    @Test
    void encryptingTheAssertionNeedsAToken() {
        assertThat(problemsOf("""
                    outbound:
                      encryption: {recipient-certificate: server.pem, assertion: true}
                """)).containsExactly(new ConfigProblem(
                "policies.p.outbound.encryption.assertion", "requires outbound.token (the assertion to encrypt)"));
    }

    @Test
    void encryptingASaml11AssertionFailsStartUp() {
        assertThat(problemsOf(SELF_ISSUED.formatted("1.1"))).containsExactly(new ConfigProblem(
                "policies.p.outbound.encryption.assertion", "requires a SAML 2.0 token: SAML 1.1 has no EncryptedAssertion"));
    }
}
