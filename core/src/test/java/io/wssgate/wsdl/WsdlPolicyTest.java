package io.wssgate.wsdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.testing.TestKeys;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication and comparison agree: the WS-SecurityPolicy WSS Gate attaches to a WSDL reads back
 * as exactly the policy it came from, and every way another policy differs from it is reported
 * with the key that decides it; at start-up the comparison warns or fails as configured.
 */
class WsdlPolicyTest {
    static final String NS = "urn:example:orders";
    static Path dir;
    static String ca;
    static String serverKey;
    static String serverCert;
    static String idpCert;

    @BeforeAll
    static void keys(@TempDir Path tmp) throws Exception {
        dir = tmp;
        TestKeys keys = TestKeys.create();
        TestKeys.Identity server = keys.issue("server");
        ca = TestKeys.writePem(tmp.resolve("ca.pem"), keys.ca().certificate()).toString();
        serverKey = TestKeys.writePkcs8Pem(tmp.resolve("server-key.pem"), server.privateKey()).toString();
        serverCert = TestKeys.writePem(tmp.resolve("server.pem"), server.certificate()).toString();
        idpCert = TestKeys.writePem(tmp.resolve("idp.pem"), keys.issue("idp").certificate()).toString();
    }

    static byte[] ordersWsdl() throws Exception {
        return WsdlPolicyTest.class.getResourceAsStream("/wsdl/orders.wsdl").readAllBytes();
    }

    static WssGateConfig config(String policyBody) {
        String yaml = "policies:\n  orders:\n    paths: [/orders/*]\n" + policyBody.indent(4);
        return ConfigLoader.fromYaml(new StringReader(yaml), dir, name -> Optional.empty());
    }

    static PolicyConfig policy(String body) {
        return config(body).policies().get(0);
    }

    static final String X509 = "trust: { certificates: [%s] }\n";
    static final String ENCRYPTED = "decryption:\n  key: { private-key: %s, certificate: %s }\n  required-parts: [Body]\n"
            // what the published Basic256Sha256 encrypts with: without it the check reports the mismatch (below)
            + "  data-algorithms: [http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2001/04/xmlenc#aes256-cbc]\n";
    static final String SAML = "saml:\n  issuers: [{ name: https://idp, certificates: [%s] }]\n  audiences: [urn:orders]\n"
            + "  confirmation-methods: [holder-of-key]\n";
    static final String OPERATIONS = """
            unknown-operations: refuse
            operations:
              place:
                soap-actions: ["urn:example:orders:place"]
                encrypted-parts: [Body]
              status:
                payload-roots: ["{urn:example:orders}getStatus"]
            """;

    private static String x509() {
        return X509.formatted(ca);
    }

    private static String encrypted() {
        return ENCRYPTED.formatted(serverKey, serverCert);
    }

    private static List<OperationPolicy> published(PolicyConfig policy) throws Exception {
        return SecurityPolicyReader.read(new WsdlPolicyPublisher(policy).publish(ordersWsdl()));
    }

    @Test
    void publishedPolicyReadsBackAsTheSamePolicy() throws Exception {
        for (String body : List.of(x509(), x509() + encrypted(), SAML.formatted(idpCert),
                x509() + encrypted() + OPERATIONS + "addressing: { required: true }\n"
                        + "security-header: { layout: strict }\n")) {
            PolicyConfig policy = policy(body);

            assertThat(WsdlPolicyCheck.compare(policy, published(policy))).as(body).isEmpty();
        }
    }

    @Test
    void aGcmOnlyPolicysOwnPublicationIsReportedAsTheAlgorithmSuiteTrap() throws Exception {
        PolicyConfig gcmOnly = policy(x509() + encrypted().replaceAll("  data-algorithms: .*\n", ""));

        assertThat(WsdlPolicyCheck.compare(gcmOnly, published(gcmOnly))).extracting(PolicyDifference::toString)
                .allMatch(d -> d.startsWith("policies.orders.decryption.data-algorithms: incompatible with the WSDL"))
                .anyMatch(d -> d.contains("Basic256Sha256 encrypts with aes256-cbc"));
    }

    @Test
    void publishedWsdlCarriesOnePolicyPerDistinctOperationAndReferencesIt() throws Exception {
        PolicyConfig policy = policy(x509() + encrypted().replace("  required-parts: [Body]\n", "")
                .replaceAll("  data-algorithms: .*\n", "") + OPERATIONS);

        String wsdl = new String(new WsdlPolicyPublisher(policy).publish(ordersWsdl()), StandardCharsets.UTF_8);
        List<OperationPolicy> read = SecurityPolicyReader.read(wsdl.getBytes(StandardCharsets.UTF_8));

        assertThat(wsdl).contains("wsu:Id=\"wssgate-orders-place-input\"", "wsu:Id=\"wssgate-orders-status-input\"",
                "URI=\"#wssgate-orders-place-input\"", "signatureAlgorithm=\"SHA256withRSA\"", "<sp:Basic256Sha256/>");
        assertThat(read).extracting(OperationPolicy::operation).containsExactly("placeOrder", "getStatus");
        assertThat(read.get(0).alternatives().get(0).encryptBody()).as("place: encrypted").isTrue();
        assertThat(read.get(1).alternatives().get(0).encryptBody()).as("status: not").isFalse();
        assertThat(read.get(0).responseAlternatives()).as("responses get no policy").isEmpty();
        assertThat(new WsdlPolicyPublisher(policy).clientNotes()).anyMatch(n -> n.contains("AES-256-CBC"))
                .anyMatch(n -> n.contains("ws-security.asymmetric.signature.algorithm"));
    }

    @Test
    void assertionsValidatedByAnStsArePublishedAsIssuedTokensWithTrust13() throws Exception {
        PolicyConfig policy = policy(SAML.formatted(idpCert)
                + "  sts-validation: { endpoint: \"https://sts.example/sts\", authentication: { username: gate, password: secret } }\n");

        String wsdl = new String(new WsdlPolicyPublisher(policy).publish(ordersWsdl()), StandardCharsets.UTF_8);
        List<OperationPolicy> read = SecurityPolicyReader.read(wsdl.getBytes(StandardCharsets.UTF_8));

        assertThat(wsdl).contains("<sp:IssuedToken", ">https://sts.example/sts</wsa:Address>",
                "#SAMLV2.0</wst:TokenType>", "<sp:Trust13 ");
        assertThat(read.get(0).alternatives().get(0).initiator()).contains(PolicyAlternative.Token.ISSUED_SAML_2_0);
        assertThat(WsdlPolicyCheck.compare(policy, read)).isEmpty();
    }

    @Test
    void aDocumentThatIsNotAWsdlIsPublishedUnchanged() throws Exception {
        byte[] other = "<a xmlns='urn:x'/>".getBytes(StandardCharsets.UTF_8);

        assertThat(new WsdlPolicyPublisher(policy(x509())).publish(other)).isSameAs(other);
    }

    @Test
    void everyDifferenceIsReportedWithItsKeyAndDirection() throws Exception {
        List<OperationPolicy> wsdl = published(policy(x509() + encrypted() + "addressing: { required: true }\n"));
        PolicyConfig configured = policy(SAML.formatted(idpCert) + x509() + "security-header: { layout: strict }\n");

        List<PolicyDifference> differences = WsdlPolicyCheck.compare(configured, wsdl);

        assertThat(differences).extracting(d -> d.keyPath() + " " + d.kind()).contains(
                "policies.orders WEAKER", // SAML accepted, the WSDL offers X.509 only
                "policies.orders.decryption.required-parts WEAKER",
                "policies.orders.addressing.required WEAKER",
                "policies.orders.security-header.layout STRONGER");
        assertThat(differences).allMatch(d -> d.text().contains("operation placeOrder") || d.text().contains("operation getStatus"));
    }

    @Test
    void anOperationsOwnKeyIsNamedWhenItOverrides() throws Exception {
        List<OperationPolicy> wsdl = published(policy(x509()));

        List<PolicyDifference> differences = WsdlPolicyCheck.compare(policy(x509() + encrypted()
                .replace("  required-parts: [Body]\n", "") + OPERATIONS), wsdl);

        assertThat(differences).extracting(d -> d.keyPath() + " " + d.kind())
                .containsExactly("policies.orders.operations.place.encrypted-parts STRONGER");
    }

    @Test
    void atStartUpAMismatchFailsWithItsKeyPathWhenConfigured() throws Exception {
        Path wsdl = Files.write(dir.resolve("published.wsdl"),
                new WsdlPolicyPublisher(policy(x509() + encrypted())).publish(ordersWsdl()));
        WssGateConfig failing = config(x509() + "wsdl: { location: " + wsdl + ", policy-mismatch: fail }\n");

        assertThatThrownBy(() -> WssGate.create(failing)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.orders.decryption.required-parts")
                .hasMessageContaining("weaker than the WSDL");
    }

    @Test
    void atStartUpAMismatchOnlyWarnsByDefault() throws Exception {
        Path wsdl = Files.write(dir.resolve("warned.wsdl"),
                new WsdlPolicyPublisher(policy(x509() + encrypted())).publish(ordersWsdl()));

        try (WssGate gate = WssGate.create(config(x509() + "wsdl: { location: " + wsdl + " }\n"))) {
            assertThat(gate.policies()).hasSize(1);
        }
    }

    @Test
    void atStartUpAWsdlThatCannotBeReadIsAProblem() {
        WssGateConfig missing = config(x509() + "wsdl: { location: \"classpath:wsdl/none.wsdl\" }\n");

        assertThatThrownBy(() -> WssGate.create(missing)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.orders.wsdl.location").hasMessageContaining("no such class-path resource");
    }

    @Test
    void aClassPathWsdlWithoutPolicyIsNothingToCompare() {
        try (WssGate gate = WssGate.create(config(x509() + "wsdl: { location: \"classpath:wsdl/orders.wsdl\", "
                + "policy-mismatch: fail }\n"))) {
            assertThat(gate.policies()).hasSize(1);
        }
    }
}
