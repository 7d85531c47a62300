package io.wssgate.outbound;

import io.wssgate.spi.OutboundContext;
import static io.wssgate.outbound.OutboundFixture.accepted;
import static io.wssgate.outbound.OutboundFixture.bytes;
import static io.wssgate.outbound.OutboundFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code outbound.encryption.assertion}: the client's assertion travels as a saml2:EncryptedAssertion
 * for the recipient, the message signature referring to it as WS-Security peers expect, and a
 * receiving policy with {@code saml.encrypted-assertions} accepts it (as does plain WSS4J).
 */
class EncryptedAssertionOutboundTest {
    static final String ISSUER = "https://wsc.wssgate.test";
    static final String AUDIENCE = "urn:wssgate:test:service";
    static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity ISSUER_KEY = KEYS.issue("wsc-issuer");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static WssGate gate;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), CLIENT.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), CLIENT.certificate());
        Path issuerKey = TestKeys.writePkcs8Pem(dir.resolve("issuer-key.pem"), ISSUER_KEY.privateKey());
        Path issuerCert = TestKeys.writePem(dir.resolve("issuer.pem"), ISSUER_KEY.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        StringBuilder yaml = new StringBuilder("policies:\n");
        for (String keyId : List.of("bst", "issuer-serial", "ski", "thumbprint")) {
            yaml.append(client("hok-" + keyId, "holder-of-key", keyId, "[]", ""));
        }
        yaml.append(client("sv", "sender-vouches", "issuer-serial", "[]", ""));
        yaml.append(client("bearer", "bearer", "issuer-serial", "[Body]", "        parts: [Body, Timestamp, Token]\n"));
        yaml.append("""
                  receiver:
                    paths: [/in/*]
                    trust: { certificates: [%1$s] }
                    saml:
                      issuers: [{ name: %2$s, certificates: [%3$s] }]
                      audiences: [%4$s]
                      confirmation-methods: [holder-of-key, sender-vouches, bearer]
                      encrypted-assertions: true
                    roles: { saml-attributes: [role] }
                    decryption:
                      key: { private-key: %5$s, certificate: %6$s }
                  plain-receiver:
                    paths: [/plain/*]
                    trust: { certificates: [%1$s] }
                    saml:
                      issuers: [{ name: %2$s, certificates: [%3$s] }]
                      audiences: [%4$s]
                    decryption:
                      key: { private-key: %5$s, certificate: %6$s }
                  propagating:
                    paths: [/propagate]
                    outbound:
                      timestamp: { ttl: 5m }
                      token: { source: propagated }
                      encryption: { recipient-certificate: %6$s, parts: [], assertion: true }
                """.formatted(ca, ISSUER, issuerCert, AUDIENCE, serverKey, serverCert));
        String text = yaml.toString().replace("@CLIENT_KEY@", clientKey.toString())
                .replace("@CLIENT_CERT@", clientCert.toString()).replace("@ISSUER_KEY@", issuerKey.toString())
                .replace("@ISSUER_CERT@", issuerCert.toString()).replace("@SERVER_CERT@", serverCert.toString());
        gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(text), dir, VariableResolver.system()));
    }

    @AfterAll
    static void close() {
        gate.close();
    }

    /** A client policy sending a self-issued SAML 2.0 assertion of {@code method}, encrypted for the server. */
    private static String client(String name, String method, String keyIdentifier, String encryptedParts,
                                 String signatureParts) {
        return """
                  %1$s:
                    paths: [/out/%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          issuer: %2$s
                          issuer-key: { private-key: @ISSUER_KEY@, certificate: @ISSUER_CERT@ }
                          confirmation-method: %3$s
                          subject: alice
                          attributes: { role: [admin, clerk] }
                          audiences: [%4$s]
                      signature:
                        key: { private-key: @CLIENT_KEY@, certificate: @CLIENT_CERT@ }
                %7$s      encryption:
                        recipient-certificate: @SERVER_CERT@
                        key-identifier: %5$s
                        parts: %6$s
                        assertion: true
                """.formatted(name, ISSUER, method, AUDIENCE, keyIdentifier, encryptedParts, signatureParts);
    }

    private static PolicyRuntime policy(String name) {
        return gate.policy(name).orElseThrow();
    }

    private static byte[] secured(String clientPolicy) throws Exception {
        return bytes(policy(clientPolicy).secureOutbound(request(), OutboundContext.none()).document());
    }

    @ParameterizedTest(name = "holder-of-key, recipient named by {0}")
    @ValueSource(strings = {"bst", "issuer-serial", "ski", "thumbprint"})
    void holderOfKeyAssertionTravelsEncryptedAndIsAccepted(String keyIdentifier) throws Exception {
        byte[] message = secured("hok-" + keyIdentifier);
        String wire = new String(message, StandardCharsets.UTF_8);
        assertThat(wire).contains("saml2:EncryptedAssertion").doesNotContain(">alice<").doesNotContain("saml2:Subject")
                // the proof signature names the assertion as the SAML token profile says
                .contains("http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID")
                .contains("http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        Element security = (Element) TestMessages.parse(message).getElementsByTagNameNS(
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security").item(0);
        assertThat(firstChildNamed(security, "EncryptedAssertion")).as("EncryptedAssertion ahead of the Signature")
                .isLessThan(firstChildNamed(security, "Signature"));

        WssPrincipal principal = accepted(policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        assertThat(principal.roles()).containsExactlyInAnyOrder("admin", "clerk");
        assertThat(principal.certificate()).contains(CLIENT.certificate());
    }

    @Test
    void plainWss4jDecryptsItAndVerifiesTheProofSignature() throws Exception {
        Wss4jVerifier.Outcome outcome = new Wss4jVerifier(TestCrypto.of(List.of(SERVER),
                List.of(KEYS.ca().certificate(), ISSUER_KEY.certificate())), Map.of()).process(secured("hok-issuer-serial"));

        List<WSSecurityEngineResult> tokens = outcome.actions(WSConstants.ST_SIGNED);
        assertThat(tokens).hasSize(1);
        SamlAssertionWrapper assertion = (SamlAssertionWrapper) tokens.get(0).get(WSSecurityEngineResult.TAG_SAML_ASSERTION);
        assertThat(assertion.getSaml2().getSubject().getNameID().getValue()).isEqualTo("alice");
        assertThat(outcome.signedElements(WSConstants.SIGN)).extracting(q -> q.getLocalPart()).contains("Body", "Timestamp");
    }

    @Test
    void senderVouchesStrTransformIsOverThePlaintext() throws Exception {
        byte[] message = secured("sv");
        assertThat(new String(message, StandardCharsets.UTF_8)).contains("STR-Transform").doesNotContain(">alice<");

        WssPrincipal principal = accepted(policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.certificate()).contains(CLIENT.certificate());
    }

    @Test
    void bearerAssertionSignedByItsIdAndTheBodyAreBothEncrypted() throws Exception {
        byte[] message = secured("bearer");
        Document doc = TestMessages.parse(message);
        assertThat(doc.getElementsByTagNameNS(SAML2_NS, "EncryptedAssertion").getLength()).isOne();
        assertThat(doc.getElementsByTagNameNS(SAML2_NS, "Assertion").getLength()).isZero();

        InboundOutcome.Accepted accepted = accepted(policy("receiver").validate(message, "text/xml"));
        assertThat(accepted.principal().name()).isEqualTo("alice");
        assertThat(accepted.principal().confirmationMethod()).contains(ConfirmationMethod.BEARER);
    }

    @Test
    void aReceiverThatDoesNotAcceptEncryptedAssertionsRefusesIt() throws Exception {
        InboundOutcome outcome = policy("plain-receiver").validate(secured("hok-ski"), "text/xml");
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.UNSUPPORTED_SECURITY_TOKEN));
    }

    @Test
    void aPropagatedAssertionIsEncryptedForTheNextService() throws Exception {
        InboundOutcome.Accepted first = accepted(policy("receiver").validate(secured("bearer"), "text/xml"));
        var context = OutboundContext.request(java.util.Optional.of(first.caller()));

        byte[] forwarded = bytes(policy("propagating").secureOutbound(request(), context).document());

        assertThat(new String(forwarded, StandardCharsets.UTF_8)).contains("saml2:EncryptedAssertion")
                .doesNotContain(">alice<");
        Document doc = TestMessages.parse(forwarded);
        assertThat(doc.getElementsByTagNameNS(SAML2_NS, "Assertion").getLength()).isZero();
    }

    private static int firstChildNamed(Element parent, String localName) {
        int i = 0;
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling(), i++) {
            if (localName.equals(n.getLocalName())) {
                return i;
            }
        }
        throw new AssertionError("no " + localName + " in the Security header");
    }
}
