package io.wssgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wssgate policy import} on WS-SecurityPolicy WSDLs nobody on the team wrote: Apache CXF's
 * own system-test and sample WSDLs (src/test/resources/wsdl/cxf, SOURCES.txt): what can be
 * honoured becomes YAML that loads, with a comment per assertion; what cannot is named and
 * makes the exit status 1.
 */
class PolicyImportCommandTest {
    static final Map<String, String> VARIABLES = new HashMap<>();

    @BeforeAll
    static void files(@TempDir Path dir) throws Exception {
        TestKeys keys = TestKeys.create();
        TestKeys.Identity server = keys.issue("server");
        TestKeys.Identity idp = keys.issue("idp");
        VARIABLES.put("WSSGATE_PATH", "/services/*");
        VARIABLES.put("WSSGATE_TRUST_CERTIFICATES", TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate()).toString());
        VARIABLES.put("WSSGATE_DECRYPTION_KEY", TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey()).toString());
        VARIABLES.put("WSSGATE_DECRYPTION_CERTIFICATE", TestKeys.writePem(dir.resolve("server.pem"), server.certificate()).toString());
        VARIABLES.put("WSSGATE_SAML_ISSUER", "https://idp.example");
        VARIABLES.put("WSSGATE_SAML_ISSUER_CERTIFICATE", TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate()).toString());
        VARIABLES.put("WSSGATE_SAML_AUDIENCE", "urn:example:doubleit");
        VARIABLES.put("WSSGATE_PASSWORDS", Files.writeString(dir.resolve("users.properties"), "alice=secret\n").toString());
        VARIABLES.put("WSSGATE_SIGNING_KEY", VARIABLES.get("WSSGATE_DECRYPTION_KEY"));
        VARIABLES.put("WSSGATE_SIGNING_CERTIFICATE", VARIABLES.get("WSSGATE_DECRYPTION_CERTIFICATE"));
        VARIABLES.put("WSSGATE_RECIPIENT_CERTIFICATE", VARIABLES.get("WSSGATE_DECRYPTION_CERTIFICATE"));
        VARIABLES.put("WSSGATE_RESPONSE_RECIPIENT_CERTIFICATE", VARIABLES.get("WSSGATE_DECRYPTION_CERTIFICATE"));
    }

    static String wsdl(String name) {
        return Path.of("src/test/resources/wsdl/cxf", name).toString();
    }

    /** Loads the YAML as the server would, the deployer's variables set. */
    static WssGateConfig load(String yaml, Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("imported.yaml"), yaml);
        return ConfigLoader.fromYaml(file, name -> java.util.Optional.ofNullable(VARIABLES.get(name)));
    }

    @Test
    void asymmetricX509BindingBecomesAPolicyThatLoads(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("policy", "import", wsdl("DoubleItX509.wsdl"), "--binding", "DoubleItAsymmetricIssuerSerialBinding");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("# sp:IncludeTimestamp", "# sp:InitiatorToken sp:X509Token", "# sp:EncryptedParts",
                "${WSSGATE_TRUST_CERTIFICATES}");
        assertThat(r.err()).contains("RSA-SHA1");
        PolicyConfig p = load(r.out(), dir).policies().get(0);
        assertThat(p.name()).isEqualTo("doubleitasymmetricissuerserialbinding");
        assertThat(p.signature().required()).isTrue();
        assertThat(p.signature().signBody()).isTrue();
        assertThat(p.signature().signTimestamp()).isTrue();
        assertThat(p.trust().isEmpty()).isFalse();
        assertThat(p.decryption().requireEncryptedBody()).isTrue();
        // sp:Basic128 encrypts with AES-128-CBC: accepted beside GCM, and named as the reason
        assertThat(p.decryption().dataAlgorithms()).contains("http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                DecryptionPolicy.AES256_GCM);
        // the output policy: responses signed, their Body encrypted for the partner
        assertThat(p.outbound().signature()).isPresent();
        assertThat(p.outbound().encryption()).isPresent();
    }

    @Test
    void samlInitiatorTokenBecomesHolderOfKey(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("policy", "import", wsdl("DoubleItSaml.wsdl"), "--binding", "DoubleItAsymmetricSamlInitiatorBinding");

        assertThat(r.status()).as(r.toString()).isZero();
        PolicyConfig p = load(r.out(), dir).policies().get(0);
        assertThat(p.saml().enabled()).isTrue();
        assertThat(p.saml().confirmationMethods()).containsExactly(ConfirmationMethod.HOLDER_OF_KEY);
    }

    @Test
    void everyBindingThatCanBeHonouredLoadsAndTheRestIsNamed(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("policy", "import", wsdl("DoubleItX509.wsdl"));

        assertThat(r.status()).as("symmetric bindings cannot be honoured").isEqualTo(1);
        assertThat(r.err()).contains("cannot honour: DoubleItKeyIdentifierBinding/DoubleIt: SymmetricBinding",
                "cannot honour: DoubleItAsymmetricEncryptSignatureBinding/DoubleIt: EncryptSignature",
                "cannot honour: DoubleItTransportKVTBinding/DoubleIt: EndorsingSupportingTokens KeyValueToken");
        assertThat(r.out()).contains("# CANNOT HONOUR DoubleItKeyIdentifierBinding/DoubleIt: SymmetricBinding")
                .doesNotContain("doubleitkeyidentifierbinding:");
        WssGateConfig config = load(r.out(), dir);
        assertThat(config.policies()).extracting(PolicyConfig::name).contains("doubleitasymmetricissuerserialbinding",
                "doubleittransportendorsingbinding");
    }

    @Test
    void secureConversationCannotBeHonoured() {
        Cli.Result r = Cli.run("policy", "import", wsdl("secure-conversation-DoubleIt.wsdl"));

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("SecureConversationToken (WS-SecureConversation)");
    }

    @Test
    void symmetricBindingWithUsernameTokenCannotBeHonoured() {
        Cli.Result r = Cli.run("policy", "import", wsdl("sign_enc_policy-hello_world.wsdl"));

        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("cannot honour: Greeter_SOAPBinding/greetMe: SymmetricBinding");
        assertThat(r.out()).contains("nothing to import");
    }

    @Test
    void transportBindingWithAnIssuedTokenLoads(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("policy", "import", wsdl("kerberos-DoubleIt.wsdl"));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).contains("TransportBinding: TLS");
        PolicyConfig p = load(r.out(), dir).policies().get(0);
        assertThat(p.signature().required()).isFalse();
        assertThat(p.saml().enabled()).isTrue();
        assertThat(p.decryption().enabled()).as("TLS protects the parts of a transport binding").isFalse();
        // addressing.required would demand signed wsa headers, which a TLS-only partner never sends
        assertThat(p.addressing().required()).isFalse();
        assertThat(r.out()).contains("# wsam:Addressing: under TLS");
    }

    @Test
    void clientSideSignsEncryptsAndLoads(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("policy", "import", wsdl("DoubleItX509.wsdl"), "--binding",
                "DoubleItAsymmetricIssuerSerialBinding", "--side", "client", "-o", dir.resolve("client.yaml").toString());

        assertThat(r.status()).as(r.toString()).isZero();
        String yaml = Files.readString(dir.resolve("client.yaml"));
        assertThat(yaml).contains("outbound:", "recipient-certificate");
        PolicyConfig p = load(yaml, dir).policies().get(0);
        assertThat(p.outbound().signature()).isPresent();
        assertThat(p.outbound().encryption()).isPresent();
    }

    @Test
    void aFileThatIsNotAWsdlCannotBeRead(@TempDir Path dir) throws Exception {
        Path notWsdl = Files.writeString(dir.resolve("x.xml"), "<a/>");

        Cli.Result r = Cli.run("policy", "import", notWsdl.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("not a WSDL 1.1 document");
    }
}
