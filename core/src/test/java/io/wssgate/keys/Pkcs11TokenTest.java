package io.wssgate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.outbound.SecuredMessage;
import io.wssgate.soap.Documents;
import io.wssgate.spi.OutboundContext;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SoftHsm;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys on a PKCS#11 token (SoftHSM2, initialised by the test, keys generated inside it): loaded
 * by alias without ever leaving the token, signing outbound messages that plain WSS4J verifies,
 * decrypting inbound messages, and a wrong PIN refused at start-up with the key path.
 */
class Pkcs11TokenTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static SoftHsm hsm;
    static X509Certificate signerCert;
    static X509Certificate decrypterCert;
    @TempDir
    static Path dir;

    @BeforeAll
    static void tokenWithKeys() {
        hsm = SoftHsm.get();
        signerCert = hsm.generateRsa("core-signer", "hsm-signer", KEYS.ca());
        decrypterCert = hsm.generateRsa("core-decrypter", "hsm-decrypter", KEYS.ca());
    }

    @Test
    void aKeyOnTheTokenIsUsedWhereItIsAndNeverExported() throws Exception {
        try (WssGate gate = WssGate.create(config(SoftHsm.PIN))) {
            assertThat(gate.certificates()).extracting(c -> c.certificate())
                    .contains(signerCert, decrypterCert);
        }
        KeyMaterialLoader loader = new KeyMaterialLoader(new io.wssgate.config.Problems());
        var key = loader.key(new io.wssgate.config.KeySource.KeyStoreEntry(
                io.wssgate.config.KeyStoreConfig.pkcs11(hsm.keysConfig(), io.wssgate.config.Secret.of(SoftHsm.PIN)),
                "core-signer", Optional.empty()), "k").orElseThrow();
        assertThat(key.certificate()).isEqualTo(signerCert);
        // sensitive and not extractable: no encoding, no private exponent, only a handle into the token
        assertThat(key.privateKey().getEncoded()).isNull();
        assertThat(key.privateKey()).isNotInstanceOf(RSAPrivateKey.class);
    }

    @Test
    void outboundSignatureMadeByTheTokenVerifiesWithPlainWss4j() throws Exception {
        try (WssGate gate = WssGate.create(config(SoftHsm.PIN))) {
            SecuredMessage secured = gate.policy("client").orElseThrow()
                    .secureOutbound(TestMessages.parse(TestMessages.soap11().build()), OutboundContext.none());
            byte[] message = Documents.serialize(secured.document());

            Wss4jVerifier.Outcome verified = new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of())
                    .process(message);
            assertThat(verified.signedElements(WSConstants.SIGN)).extracting(q -> q.getLocalPart())
                    .contains("Body", "Timestamp");
            assertThat(verified.actions(WSConstants.SIGN).get(0).get("x509-certificate")).isEqualTo(signerCert);
        }
    }

    @Test
    void inboundMessageEncryptedForTheTokenKeyIsDecrypted() throws Exception {
        try (WssGate gate = WssGate.create(config(SoftHsm.PIN))) {
            for (String keyTransport : new String[] {WSConstants.KEYTRANSPORT_RSAOAEP,
                    WSConstants.KEYTRANSPORT_RSAOAEP_XENC11}) {
                byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST)
                        .encryptBodyFor(decrypterCert, KeyIdType.ISSUER_SERIAL, null, keyTransport).build();
                InboundOutcome outcome = gate.policy("server").orElseThrow().validate(message, "text/xml");

                assertThat(outcome).as(keyTransport).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
                    assertThat(a.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
                    assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains(">hello<");
                });
            }
        }
    }

    /**
     * What reload means for a token: the watched file is the provider configuration; when it
     * changes, the entries are read from the token again, so a key replaced on the token under the
     * same alias is put in force without a restart.
     */
    @Test
    void aKeyReplacedOnTheTokenIsPutInForceWhenTheProviderConfigurationChanges() throws Exception {
        X509Certificate first = hsm.generateRsa("rolled-signer", "hsm-rolled-1", KEYS.ca());
        String yaml = """
                keys: { reload-interval: off }
                policies:
                  client:
                    paths: [/client/*]
                    outbound:
                      signature:
                        key:
                          keystore: { type: PKCS11, provider-config: %s, password: "%s" }
                          alias: rolled-signer
                """.formatted(hsm.keysConfig(), SoftHsm.PIN);
        try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir, n -> Optional.empty()))) {
            X509Certificate second = hsm.generateRsa("rolled-signer", "hsm-rolled-2", KEYS.ca());
            gate.reloadKeyMaterialNow();
            assertThat(gate.certificates()).extracting(c -> c.certificate()).as("the token alone changed")
                    .containsExactly(first);

            java.nio.file.Files.setLastModifiedTime(hsm.keysConfig(),
                    java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
            gate.reloadKeyMaterialNow();

            assertThat(gate.certificates()).extracting(c -> c.certificate()).containsExactly(second);
            byte[] signed = Documents.serialize(gate.policy("client").orElseThrow()
                    .secureOutbound(TestMessages.parse(TestMessages.soap11().build()), OutboundContext.none()).document());
            Wss4jVerifier.Outcome verified = new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of())
                    .process(signed);
            assertThat(verified.actions(WSConstants.SIGN).get(0).get("x509-certificate")).isEqualTo(second);
        }
    }

    @Test
    void aWrongPinIsRefusedAtStartUpWithTheKeyPath() throws Exception {
        for (String pinKey : new String[] {"password", "pin"}) {
            String yaml = """
                    policies:
                      client:
                        paths: [/client/*]
                        outbound:
                          signature:
                            key:
                              keystore: { type: PKCS11, provider-config: %s, %s: "111111" }
                              alias: anything
                    """.formatted(hsm.lockedConfig(), pinKey);
            WssGateConfig config = ConfigLoader.fromYaml(new StringReader(yaml), dir, name -> Optional.empty());

            ConfigurationException e = catchThrowableOfType(() -> WssGate.create(config), ConfigurationException.class);

            assertThat(e.problems()).extracting(ConfigProblem::keyPath)
                    .containsExactly("policies.client.outbound.signature.key.keystore." + pinKey);
            assertThat(e.problems().get(0).message())
                    .isEqualTo("the token refused the PIN (wrong, or locked) for the PKCS#11 token of " + hsm.lockedConfig());
        }
    }

    @Test
    void anAliasTheTokenDoesNotHoldIsNamed() throws Exception {
        String yaml = """
                policies:
                  client:
                    paths: [/client/*]
                    outbound:
                      signature:
                        key:
                          keystore: { type: PKCS11, provider-config: %s, password: "%s" }
                          alias: not-there
                """.formatted(hsm.keysConfig(), SoftHsm.PIN);
        WssGateConfig config = ConfigLoader.fromYaml(new StringReader(yaml), dir, name -> Optional.empty());

        ConfigurationException e = catchThrowableOfType(() -> WssGate.create(config), ConfigurationException.class);

        assertThat(e.problems()).extracting(ConfigProblem::keyPath)
                .containsExactly("policies.client.outbound.signature.key.alias");
        assertThat(e.problems().get(0).message()).contains("'not-there' not found in the PKCS#11 token of");
    }

    private static WssGateConfig config(String pin) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        String token = "{ type: PKCS11, provider-config: %s, password-file: %s }".formatted(hsm.keysConfig(),
                java.nio.file.Files.writeString(dir.resolve("pin.txt"), pin + "\n"));
        String yaml = """
                keys: { reload-interval: off }
                policies:
                  client:
                    paths: [/client/*]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { keystore: %2$s, alias: core-signer }
                  server:
                    paths: [/server/*]
                    trust: { certificates: [%1$s] }
                    decryption:
                      key: { keystore: %2$s, alias: core-decrypter }
                """.formatted(ca, token);
        return ConfigLoader.fromYaml(new StringReader(yaml), dir, name -> Optional.empty());
    }
}
