package io.wssgate.inbound;

import io.wssgate.soap.SoapVersion;
import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.trust;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** X.509 signed messages through {@link InboundValidator#validate(byte[])}: key references, trust, identity. */
class InboundValidatorTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final String CA_DN = "CN=WSS Gate Test CA,O=WSS Gate Test,C=DE";

    static Path caPem;
    static InboundValidator caTrusted;
    static InboundValidator clientCertTrusted;
    static InboundValidator withCrl;
    static InboundValidator withDnPattern;
    static InboundValidator noX509Authentication;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        KEYS.revoked("revoked"); // before crl(), so the CRL lists it
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        caPem = ca;
        Path client = TestKeys.writePem(dir.resolve("client.pem"), KEYS.issue("client").certificate());
        Path crl = TestKeys.writeCrlPem(dir.resolve("ca.crl"), KEYS.crl());
        RoleMapping roles = new RoleMapping(List.of(), Map.of(CLIENT_DN, Set.of("ops", "read")));

        caTrusted = validator(policy(ca).roles(roles).build());
        clientCertTrusted = validator(policy(ca, client).build());
        withCrl = validator(policy().trust(trust(List.of(ca), List.of(crl), List.of())).build());
        withDnPattern = validator(policy().trust(trust(List.of(ca), List.of(),
                List.of(Pattern.compile("CN=client,.*"), Pattern.compile("CN=partner-\\d+,.*")))).build());
        noX509Authentication = validator(policy(ca).signature(new SignaturePolicy(true, true, true, List.of(),
                AlgorithmPolicy.defaults(), false)).build());
    }

    static byte[] signedBy(Identity identity, KeyIdType keyId) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(identity, keyId).build();
    }

    static byte[] signedBy(Identity identity) {
        return signedBy(identity, KeyIdType.BST);
    }

    @Test
    void bstSignedMessageIdentifiesTheCertificateSubjectWithMappedRoles() throws Exception {
        WssPrincipal p = caTrusted.validate(signedBy(KEYS.issue("client"))).principal();

        assertThat(p.name()).isEqualTo(CLIENT_DN);
        assertThat(p.tokenType()).isEqualTo(TokenType.X509);
        assertThat(p.issuer()).contains(CA_DN);
        assertThat(p.certificate()).contains(KEYS.issue("client").certificate());
        assertThat(p.roles()).containsExactlyInAnyOrder("ops", "read");
        assertThat(p.confirmationMethod()).isEmpty();
        assertThat(p.attributes()).isEmpty();
    }

    @Test
    void rolesAreOnlyThoseMappedToTheSigner() throws Exception {
        WssPrincipal p = caTrusted.validate(signedBy(KEYS.issue("someone"))).principal();

        assertThat(p.name()).isEqualTo("CN=someone,O=WSS Gate Test,C=DE");
        assertThat(p.roles()).isEmpty();
    }

    @Test
    void soap12SignedMessageIsAccepted() throws Exception {
        byte[] msg = TestMessages.soap12().timestamp(Duration.ofMinutes(5))
                .signWith(KEYS.issue("client"), KeyIdType.BST).build();

        ValidatedMessage valid = caTrusted.validate(msg);
        assertThat(valid.principal().name()).isEqualTo(CLIENT_DN);
        assertThat(valid.envelope().version()).isEqualTo(SoapVersion.SOAP_12);
    }

    @ParameterizedTest
    @EnumSource(value = KeyIdType.class, names = {"BST", "ISSUER_SERIAL", "SKI", "THUMBPRINT"})
    void everyKeyReferenceWorksWhenTheCertificateIsKnown(KeyIdType keyId) throws Exception {
        WssPrincipal p = clientCertTrusted.validate(signedBy(KEYS.issue("client"), keyId)).principal();

        assertThat(p.name()).isEqualTo(CLIENT_DN);
        assertThat(p.certificate()).contains(KEYS.issue("client").certificate());
    }

    @ParameterizedTest
    @EnumSource(value = KeyIdType.class, names = {"ISSUER_SERIAL", "SKI", "THUMBPRINT"})
    void keyReferenceToAnUnknownCertificateIsRejected(KeyIdType keyId) {
        // WSS4J finds no certificate for the reference and reports the signature as unverifiable
        assertRejected(caTrusted, signedBy(KEYS.issue("client"), keyId), FaultCode.FAILED_CHECK);
    }

    @Test
    void ecP256ClientIsAccepted() throws Exception {
        WssPrincipal p = caTrusted.validate(signedBy(KEYS.issueEc("ec-client"))).principal();

        assertThat(p.name()).isEqualTo("CN=ec-client,O=WSS Gate Test,C=DE");
        assertThat(p.certificate().orElseThrow().getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void rsa1024ClientIsRejected() throws Exception {
        assertRejected(caTrusted, signedBy(KEYS.issueRsa1024("weak")), FaultCode.INVALID_SECURITY);
        // the key size is the reason: lowering the minimum lets the same message through
        AlgorithmPolicy lax = new AlgorithmPolicy(AlgorithmPolicy.defaults().signature(),
                AlgorithmPolicy.defaults().digest(), AlgorithmPolicy.defaults().canonicalization(), 1024, 256);
        InboundValidator laxValidator = validator(policy(caPem).signature(new SignaturePolicy(true, true, true,
                List.of(), lax, true)).build());
        assertThat(laxValidator.validate(signedBy(KEYS.issueRsa1024("weak"))).principal().name()).startsWith("CN=weak,");
    }

    // An untrusted, expired or revoked signer certificate fails WSS4J's path validation with its
    // non-standard FAILURE code, which Wss4jFaults maps to InvalidSecurity (not FailedAuthentication).
    @Test
    void selfSignedClientIsRejected() {
        assertThat(assertRejected(caTrusted, signedBy(KEYS.selfSigned("self")), FaultCode.FAILED_AUTHENTICATION)
                .getMessage()).contains("No trusted certs found");
    }

    @Test
    void clientOfAnotherCaIsRejected() {
        assertThat(assertRejected(caTrusted, signedBy(KEYS.issueByOtherCa("stranger")), FaultCode.FAILED_AUTHENTICATION)
                .getMessage()).contains("No trusted certs found");
    }

    @Test
    void expiredClientCertificateIsRejected() {
        assertThat(assertRejected(caTrusted, signedBy(KEYS.expired("old")), FaultCode.FAILED_AUTHENTICATION)
                .getMessage()).contains("validity check failed");
    }

    @Test
    void notYetValidClientCertificateIsRejected() {
        assertThat(assertRejected(caTrusted, signedBy(KEYS.notYetValid("early")), FaultCode.FAILED_AUTHENTICATION)
                .getMessage()).contains("validity check failed");
    }

    @Test
    void revokedCertificateIsRejectedWhenTheCrlIsConfigured() throws Exception {
        assertThat(assertRejected(withCrl, signedBy(KEYS.revoked("revoked")), FaultCode.FAILED_AUTHENTICATION)
                .getMessage()).contains("revoked");
        // the CRL does not make every certificate fail
        assertThat(withCrl.validate(signedBy(KEYS.issue("client"))).principal().name()).isEqualTo(CLIENT_DN);
    }

    @Test
    void revocationIsOnlyCheckedWhenCrlsAreConfigured() throws Exception {
        assertThat(caTrusted.validate(signedBy(KEYS.revoked("revoked"))).principal().name())
                .isEqualTo("CN=revoked,O=WSS Gate Test,C=DE");
    }

    @Test
    void subjectDnPatternsRestrictTheSigners() throws Exception {
        assertThat(withDnPattern.validate(signedBy(KEYS.issue("client"))).principal().name()).isEqualTo(CLIENT_DN);
        assertThat(withDnPattern.validate(signedBy(KEYS.issue("partner-7"))).principal().name())
                .startsWith("CN=partner-7,");

        assertRejected(withDnPattern, signedBy(KEYS.issue("intruder")), FaultCode.FAILED_AUTHENTICATION);
        assertRejected(withDnPattern, signedBy(KEYS.issue("client2")), FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void bareX509SignatureDoesNotAuthenticateWhenX509AuthenticationIsOff() {
        assertRejected(noX509Authentication, signedBy(KEYS.issue("client")), FaultCode.FAILED_AUTHENTICATION);
    }
}
