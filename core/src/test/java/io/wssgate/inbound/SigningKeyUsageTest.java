package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.keys.InboundKeys;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 5280 4.2.1.3 for the keys WS-Security uses: a message signature is refused when its
 * certificate's KeyUsage allows neither digitalSignature nor nonRepudiation (as a request and as
 * a response on the client side), and an outbound encryption recipient whose KeyUsage lacks
 * keyEncipherment fails start-up and a key reload with its key path. The attack catalogue sends
 * the X.509 and holder-of-key variants over HTTP through every integration.
 */
class SigningKeyUsageTest {
    static final TestKeys KEYS = TestKeys.create();
    static InboundValidator validator;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        PolicyConfig policy = policy(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate())).build();
        Problems problems = new Problems();
        InboundKeys keys = InboundKeys.load(policy, problems);
        problems.throwIfAny();
        validator = new InboundValidator(policy, keys, Clock.systemUTC());
    }

    static byte[] signedBy(TestKeys.Identity signer) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(signer, KeyIdType.BST).build();
    }

    @Test
    void aTrustedEncryptionCertificateMayNotSignARequest() {
        SecurityFault fault = assertRejected(validator, signedBy(KEYS.issueWithKeyUsage("encrypter", "keyEncipherment",
                "dataEncipherment")), FaultCode.FAILED_AUTHENTICATION);

        assertThat(fault.getMessage()).startsWith("signer certificate 'CN=encrypter,O=WSS Gate Test,C=DE' of signature")
                .contains("its KeyUsage allows keyEncipherment, dataEncipherment, neither digitalSignature nor "
                        + "nonRepudiation: the key may not sign messages (RFC 5280 4.2.1.3)");
    }

    @Test
    void digitalSignatureOrNonRepudiationAloneIsEnough() throws Exception {
        assertThat(validator.validate(signedBy(KEYS.issueWithKeyUsage("signer", "digitalSignature"))).principal().name())
                .startsWith("CN=signer");
        assertThat(validator.validate(signedBy(KEYS.issueWithKeyUsage("notary", "nonRepudiation"))).principal().name())
                .startsWith("CN=notary");
    }

    @Test
    void aResponseSignedWithAnEncryptionCertificateIsRefusedByTheClient() throws Exception {
        byte[] response = signedBy(KEYS.issueWithKeyUsage("server", "keyEncipherment"));

        try {
            validator.validateResponse(response, Optional.empty());
            throw new AssertionError("the response was accepted");
        } catch (SecurityFault fault) {
            assertThat(fault.code()).isEqualTo(FaultCode.FAILED_AUTHENTICATION);
            assertThat(fault.getMessage()).contains("'CN=server,O=WSS Gate Test,C=DE'")
                    .contains("the key may not sign messages");
        }
        assertThat(validator.validateResponse(signedBy(KEYS.issue("server")), Optional.empty()).principal().name())
                .startsWith("CN=server");
    }

    @Test
    void anOutboundRecipientWhoseKeyUsageLacksKeyEnciphermentFailsStartUpWithItsKeyPath(@TempDir Path dir)
            throws Exception {
        Path signingOnly = TestKeys.writePem(dir.resolve("recipient.pem"),
                KEYS.issueWithKeyUsage("recipient", "digitalSignature").certificate());
        String yaml = """
                policies:
                  out:
                    paths: [/out]
                    outbound:
                      encryption:
                        recipient-certificate: %s
                """.formatted(signingOnly);

        assertThatThrownBy(() -> WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir,
                VariableResolver.system())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.out.outbound.encryption.recipient-certificate: certificate "
                        + "'CN=recipient,O=WSS Gate Test,C=DE' cannot be encrypted for: its KeyUsage allows only "
                        + "digitalSignature, not keyEncipherment");
    }

    @Test
    void aReloadedRecipientWhoseKeyUsageLacksKeyEnciphermentIsNotInstalled(@TempDir Path dir) throws Exception {
        Path recipient = TestKeys.writePem(dir.resolve("recipient.pem"), KEYS.issue("recipient").certificate());
        List<List<io.wssgate.config.ConfigProblem>> rejected = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.wssgate.GateObserver observer = new io.wssgate.GateObserver() {
            @Override
            public void keyMaterialRejected(String policy, List<io.wssgate.config.ConfigProblem> problems) {
                rejected.add(problems);
            }
        };
        String yaml = """
                keys: { reload-interval: off }
                policies:
                  out:
                    paths: [/out]
                    outbound:
                      encryption:
                        recipient-certificate: %s
                """.formatted(recipient);
        try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir, VariableResolver.system()),
                Clock.systemUTC(), new Problems(), List.of(observer))) {
            Path replacement = TestKeys.writePem(dir.resolve("replacement.pem"),
                    KEYS.issueWithKeyUsage("signing-only", "digitalSignature").certificate());
            Files.move(replacement, recipient, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            gate.reloadKeyMaterialNow();

            assertThat(rejected).singleElement().satisfies(problems -> assertThat(problems)
                    .extracting(io.wssgate.config.ConfigProblem::keyPath)
                    .containsExactly("policies.out.outbound.encryption.recipient-certificate"));
        }
    }

    @Test
    void anAssertionSignedWithAnIssuerCertificateThatMayNotSignIsRefused(@TempDir Path dir) throws Exception {
        TestKeys.Identity encrypterIdp = KEYS.issueWithKeyUsage("idp-encrypter", "keyEncipherment");
        TestKeys.Identity subject = KEYS.issue("alice-key");
        Path idpPem = TestKeys.writePem(dir.resolve("idp.pem"), encrypterIdp.certificate(), KEYS.ca().certificate());
        PolicyConfig samlPolicy = policy(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate()))
                .saml(InboundValidatorSamlTest.saml(idpPem, java.util.Set.of(io.wssgate.identity.ConfirmationMethod.HOLDER_OF_KEY)))
                .build();
        Problems problems = new Problems();
        InboundValidator samlValidator = new InboundValidator(samlPolicy, InboundKeys.load(samlPolicy, problems),
                Clock.systemUTC());
        problems.throwIfAny(); // the issuer file may hold its CA as well: only the signing certificate is judged

        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(io.wssgate.testing.SamlSpec.saml2()
                .signedBy(encrypterIdp).holderOfKey(subject).audienceRestriction(InboundValidatorSamlTest.AUDIENCE)).build();

        SecurityFault fault = assertRejected(samlValidator, message, FaultCode.FAILED_AUTHENTICATION);
        assertThat(fault.getMessage()).contains("issuer certificate 'CN=idp-encrypter,O=WSS Gate Test,C=DE'")
                .contains("the key may not sign messages");
    }

    @Test
    void ownKeysWhoseKeyUsageForbidsTheirUseFailStartUpWithTheirKeyPaths(@TempDir Path dir) throws Exception {
        TestKeys.Identity encryptOnly = KEYS.issueWithKeyUsage("encrypt-only", "keyEncipherment");
        TestKeys.Identity signOnly = KEYS.issueWithKeyUsage("sign-only", "digitalSignature");
        TestKeys.writePkcs12(dir.resolve("encrypt-only.p12"), "secret".toCharArray(), "k", encryptOnly);
        TestKeys.writePkcs12(dir.resolve("sign-only.p12"), "secret".toCharArray(), "k", signOnly);
        String yaml = """
                policies:
                  in:
                    paths: [/in]
                    trust: { certificates: [ca.pem] }
                    decryption:
                      key: { keystore: { path: sign-only.p12, password: secret }, alias: k }
                  out:
                    paths: [/out]
                    outbound:
                      signature:
                        key: { keystore: { path: encrypt-only.p12, password: secret }, alias: k }
                """;
        TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());

        assertThatThrownBy(() -> WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir,
                VariableResolver.system())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.in.decryption.key: certificate 'CN=sign-only,O=WSS Gate Test,C=DE' "
                        + "cannot receive encrypted keys: its KeyUsage allows only digitalSignature, not keyEncipherment")
                .hasMessageContaining("policies.out.outbound.signature.key: certificate "
                        + "'CN=encrypt-only,O=WSS Gate Test,C=DE' cannot sign: its KeyUsage allows only keyEncipherment");
    }
}
