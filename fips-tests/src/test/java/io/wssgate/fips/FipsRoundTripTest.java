package io.wssgate.fips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.soap.Documents;
import io.wssgate.spi.OutboundContext;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import org.apache.wss4j.dom.WSConstants;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's main round trips in FIPS mode, in a JVM whose only cryptographic provider is
 * Bouncy Castle FIPS in approved-only mode (the regular Bouncy Castle jars are not on the class
 * path, the JDK's RSA/EC/JCE providers are removed, see src/test/resources/fips.java.security):
 * an X.509 signature, a SAML 2.0 holder-of-key assertion, and encryption both ways, with the
 * FIPS defaults (RSA-OAEP xenc11 with SHA-256 and MGF1-SHA256, AES-256-GCM). A configuration
 * that needs a non-approved algorithm is refused at start-up, naming the key.
 */
class FipsRoundTripTest {
    static final String AUDIENCE = "urn:wssgate:test:fips";
    static TestKeys keys;
    static TestKeys.Identity client;
    static TestKeys.Identity server;
    static TestKeys.Identity idp;
    static TestKeys.Identity alice;
    static WssGate gate;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        keys = TestKeys.create();
        client = keys.issue("client");
        server = keys.issue("server");
        idp = keys.issue("idp");
        alice = keys.issue("alice-key");
        gate = WssGate.create(load("""
                fips: true
                policies:
                  server:
                    paths: [/server/*]
                    trust: { certificates: [%1$s] }
                    decryption:
                      key: { private-key: %4$s, certificate: %5$s }
                    saml:
                      issuers: [{ name: %6$s, certificates: [%7$s] }]
                      audiences: [%8$s]
                  client:
                    paths: [/client/*]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      encryption:
                        recipient-certificate: %5$s
                  client-saml:
                    paths: [/client-saml/*]
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          issuer: %6$s
                          issuer-key: { private-key: %9$s, certificate: %7$s }
                          subject: alice
                          audiences: [%8$s]
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                """, ca(), pem("client-key.pem", client, true), pem("client.pem", client, false),
                pem("server-key.pem", server, true), pem("server.pem", server, false), SamlSpec.DEFAULT_ISSUER,
                pem("idp.pem", idp, false), AUDIENCE, pem("idp-key.pem", idp, true)));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void theJvmRunsOnBouncyCastleFipsAloneInApprovedOnlyMode() throws Exception {
        assertThat(Security.getProviders()[0].getName()).isEqualTo("BCFIPS");
        assertThat(CryptoServicesRegistrar.isInApprovedOnlyMode()).isTrue();
        assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName))
                .doesNotContain("SunRsaSign", "SunEC", "SunJCE", "SunPKCS11", "BC");
        assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName()).isEqualTo("BCFIPS");
        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("BCFIPS");
        assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("BCFIPS");
        assertThat(Class.forName("org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider")).isNotNull();
        assertThat(classExists("org.bouncycastle.jce.provider.BouncyCastleProvider"))
                .as("the regular Bouncy Castle is not on the class path").isFalse();
    }

    @Test
    void x509SignatureRoundTrip() {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class,
                a -> assertThat(a.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE"));
    }

    @Test
    void samlHolderOfKeyRoundTrip() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE).holderOfKey(alice)).build();

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
            assertThat(a.principal().certificate()).contains(alice.certificate());
        });
    }

    @Test
    void selfIssuedHolderOfKeyAssertionRoundTrip() throws Exception {
        byte[] message = secured("client-saml");

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().name()).isEqualTo("alice");
            assertThat(a.principal().confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        });
    }

    @Test
    void encryptionRoundTripWithTheFipsKeyTransport() throws Exception {
        byte[] message = secured("client");
        String xml = new String(message, StandardCharsets.UTF_8);
        assertThat(xml).contains(WSConstants.KEYTRANSPORT_RSAOAEP_XENC11 + "\"")
                .contains(WSConstants.MGF_SHA256).contains(WSConstants.SHA256)
                .doesNotContain(WSConstants.KEYTRANSPORT_RSAOAEP).doesNotContain("hello");

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
            assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains(">hello<");
        });
    }

    @Test
    void rsaOaepMgf1pIsNotAcceptedInbound() {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST)
                .encryptBodyFor(server.certificate(), KeyIdType.ISSUER_SERIAL, null, WSConstants.KEYTRANSPORT_RSAOAEP)
                .build();

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void rsaOaepWhoseDigestAndMgfDefaultToSha1IsNotAcceptedInbound() {
        // xenc11 rsa-oaep without DigestMethod and MGF: both SHA-1
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST)
                .encryptBodyFor(server.certificate(), KeyIdType.ISSUER_SERIAL, null,
                        WSConstants.KEYTRANSPORT_RSAOAEP_XENC11).build();

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void aKeyReferencedByASha1ThumbprintIsNotAccepted() {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.THUMBPRINT)
                .build();

        InboundOutcome outcome = policy("server").validate(message, "text/xml");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void aConfigurationNeedingANonApprovedAlgorithmIsRefusedNamingTheKey() throws Exception {
        WssGateConfig config = load("""
                fips: true
                policies:
                  p:
                    paths: [/p/*]
                    trust: { certificates: [%1$s] }
                    signature:
                      algorithms:
                        signature: [http://www.w3.org/2000/09/xmldsig#rsa-sha1]
                        min-rsa-key-size: 1024
                    username-token: { enabled: true, passwords: %1$s }
                    outbound:
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                        key-identifier: thumbprint
                      encryption:
                        recipient-certificate: %3$s
                        key-transport: http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p
                """, ca(), pem("client-key.pem", client, true), pem("client.pem", client, false));

        ConfigurationException e = catchThrowableOfType(() -> WssGate.create(config), ConfigurationException.class);

        assertThat(e.problems()).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "policies.p.signature.algorithms.signature", "policies.p.signature.algorithms.min-rsa-key-size",
                "policies.p.username-token.enabled", "policies.p.outbound.signature.key-identifier",
                "policies.p.outbound.encryption.key-transport");
        assertThat(e.problems()).extracting(ConfigProblem::message)
                .anyMatch(m -> m.contains("FIPS mode does not allow http://www.w3.org/2000/09/xmldsig#rsa-sha1"));
    }

    private static byte[] secured(String policy) throws Exception {
        return Documents.serialize(policy(policy).secureOutbound(TestMessages.parse(TestMessages.soap11().build()),
                OutboundContext.none()).document());
    }

    private static PolicyRuntime policy(String name) {
        return gate.policy(name).orElseThrow();
    }

    private static WssGateConfig load(String yaml, Object... args) {
        return ConfigLoader.fromYaml(new StringReader(yaml.formatted(args)), dir, name -> Optional.empty());
    }

    private static Path ca() throws Exception {
        return TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
    }

    private static Path pem(String file, TestKeys.Identity identity, boolean privateKey) throws Exception {
        return privateKey ? TestKeys.writePkcs8Pem(dir.resolve(file), identity.privateKey())
                : TestKeys.writePem(dir.resolve(file), identity.certificate());
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
