package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAML 1.1 and 2.0 assertions through {@link InboundValidator#validate(byte[])}. */
class InboundValidatorSamlTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String AUDIENCE = "urn:test";
    static final String SUBJECT_KEY_DN = "CN=alice-key,O=WSS Gate Test,C=DE";
    static final String SENDER_DN = "CN=sender,O=WSS Gate Test,C=DE";

    static Identity idp;
    static Identity subjectKey;
    static Identity sender;
    static InboundValidator validator;
    static InboundValidator bearerValidator;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        idp = KEYS.issue("idp");
        subjectKey = KEYS.issue("alice-key");
        sender = KEYS.issue("sender");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path idpPem = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        RoleMapping roles = new RoleMapping(List.of("role"),
                Map.of(SUBJECT_KEY_DN, Set.of("hok-role"), SENDER_DN, Set.of("sender-role")));
        validator = validator(policy(ca).roles(roles).saml(saml(idpPem,
                Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.SENDER_VOUCHES))).build());
        bearerValidator = validator(policy(ca).roles(roles).saml(saml(idpPem, Set.of(ConfirmationMethod.BEARER)))
                .build());
    }

    static SamlPolicy saml(Path idpPem, Set<ConfirmationMethod> methods) {
        return new SamlPolicy(true, List.of(new TrustedIssuer(SamlSpec.DEFAULT_ISSUER, List.of(idpPem))),
                List.of(AUDIENCE), Duration.ofSeconds(60), Duration.ofMinutes(30), methods,
                AssertionReplay.ONE_TIME_USE);
    }

    static SamlSpec hok(SamlSpec spec) {
        return spec.signedBy(idp).holderOfKey(subjectKey).audienceRestriction(AUDIENCE);
    }

    static MessageBuilder message(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec);
    }

    /** Sender-vouches as WSS4J builds it: STR-Transform reference to an STR for the assertion. */
    static byte[] senderVouches(SamlSpec spec) {
        return message(spec.signedBy(idp).senderVouches().audienceRestriction(AUDIENCE))
                .signWith(sender, KeyIdType.BST).build();
    }

    static byte[] bearer(SamlSpec spec) {
        return message(spec.bearer()).signWith(KEYS.issue("client"), KeyIdType.BST).build();
    }

    @Test
    void assertionEditedAfterTheIssuerSignedItIsAFailedCheck() throws Exception {
        byte[] signed = message(hok(SamlSpec.saml2()).attribute("role", "user")).build();
        org.w3c.dom.Document doc = TestMessages.parse(signed);
        doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "AttributeValue").item(0)
                .setTextContent("admin");
        byte[] edited = io.wssgate.testing.attacks.MessageDom.bytes(doc);

        assertRejected(validator, edited, FaultCode.FAILED_CHECK);
    }

    @Test
    void saml2HolderOfKeyIdentifiesTheSubject() throws Exception {
        Instant authn = Instant.now().minusSeconds(30);
        byte[] msg = message(hok(SamlSpec.saml2()).attribute("role", "admin", "user").attribute("dept", "it")
                .authentication(SamlSpec.AUTHN_PASSWORD_SAML2, authn)).build();

        WssPrincipal p = validator.validate(msg).principal();
        assertThat(p.name()).isEqualTo("alice");
        assertThat(p.tokenType()).isEqualTo(TokenType.SAML_2_0);
        assertThat(p.issuer()).contains(SamlSpec.DEFAULT_ISSUER);
        assertThat(p.nameFormat()).contains(SamlSpec.NAMEID_UNSPECIFIED);
        assertThat(p.confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        assertThat(p.attributes()).containsOnly(entry("role", List.of("admin", "user")), entry("dept", List.of("it")));
        assertThat(p.roles()).containsExactlyInAnyOrder("admin", "user", "hok-role");
        assertThat(p.authenticationMethod()).contains(SamlSpec.AUTHN_PASSWORD_SAML2);
        assertThat(p.authenticationInstant()).isPresent();
        assertThat(p.certificate()).contains(subjectKey.certificate());
        assertThat(p.tokenId()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }

    @Test
    void saml11SubjectNameBecomesThePrincipalName() throws Exception {
        WssPrincipal hok = validator.validate(message(hok(SamlSpec.saml11()).subject("bob")).build()).principal();
        WssPrincipal bearer = bearerValidator.validate(bearer(SamlSpec.saml11().signedBy(idp)
                .audienceRestriction(AUDIENCE).subject("carol"))).principal();

        assertThat(hok.name()).isEqualTo("bob");
        assertThat(hok.nameFormat()).contains(SamlSpec.NAMEID_UNSPECIFIED);
        assertThat(bearer.name()).isEqualTo("carol");
    }

    @Test
    void senderVouchesWithAnStrTransformReferenceIsAccepted() throws Exception {
        for (SamlSpec spec : List.of(SamlSpec.saml2(), SamlSpec.saml11())) {
            WssPrincipal p = validator.validate(senderVouches(spec)).principal();

            assertThat(p.confirmationMethod()).contains(ConfirmationMethod.SENDER_VOUCHES);
            assertThat(p.certificate()).contains(sender.certificate());
        }
    }

    @Test
    void saml11HolderOfKeyIsAccepted() throws Exception {
        byte[] msg = message(hok(SamlSpec.saml11()).subject("bob").attribute("role", "auditor")).build();

        WssPrincipal p = validator.validate(msg).principal();
        assertThat(p.tokenType()).isEqualTo(TokenType.SAML_1_1);
        assertThat(p.issuer()).contains(SamlSpec.DEFAULT_ISSUER);
        assertThat(p.confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        assertThat(p.attributes()).containsOnly(entry("role", List.of("auditor")));
        assertThat(p.roles()).containsExactlyInAnyOrder("auditor", "hok-role");
    }

    @Test
    void holderOfKeyProvenThroughABinarySecurityTokenIsAccepted() throws Exception {
        byte[] msg = message(hok(SamlSpec.saml2())).holderOfKeyViaBst().build();
        assertThat(validator.validate(msg).principal().confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
    }

    @Test
    void senderVouchesSignedByIdReferenceIdentifiesTheSubjectNotTheSender() throws Exception {
        for (var c : List.of(Map.entry(SamlSpec.saml2(), TokenType.SAML_2_0),
                Map.entry(SamlSpec.saml11(), TokenType.SAML_1_1))) {
            byte[] msg = SamlMessageVariants.senderVouchesSignedById(c.getKey().signedBy(idp).senderVouches()
                    .audienceRestriction(AUDIENCE).attribute("role", "user"), sender);
            WssPrincipal p = validator.validate(msg).principal();

            assertThat(p.tokenType()).isEqualTo(c.getValue());
            assertThat(p.confirmationMethod()).contains(ConfirmationMethod.SENDER_VOUCHES);
            assertThat(p.issuer()).contains(SamlSpec.DEFAULT_ISSUER);
            assertThat(p.certificate()).contains(sender.certificate());
            assertThat(p.roles()).as("the sender's own roles are not the subject's").containsExactly("user");
        }
    }

    @Test
    void bearerOfBothVersionsIsAcceptedWhereThePolicyAllowsIt() throws Exception {
        WssPrincipal p2 = bearerValidator.validate(bearer(SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE)
                .attribute("role", "reader"))).principal();
        WssPrincipal p11 = bearerValidator.validate(bearer(SamlSpec.saml11().signedBy(idp).audienceRestriction(AUDIENCE)
                .subject("carol"))).principal();

        assertThat(p2.name()).isEqualTo("alice");
        assertThat(p2.tokenType()).isEqualTo(TokenType.SAML_2_0);
        assertThat(p2.confirmationMethod()).contains(ConfirmationMethod.BEARER);
        assertThat(p2.issuer()).contains(SamlSpec.DEFAULT_ISSUER);
        assertThat(p2.roles()).containsExactly("reader");
        assertThat(p11.tokenType()).isEqualTo(TokenType.SAML_1_1);
        assertThat(p11.confirmationMethod()).contains(ConfirmationMethod.BEARER);
    }

    @Test
    void bearerIsRejectedWhereThePolicyDoesNotAllowIt() {
        assertRejected(validator, bearer(SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE)),
                FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void confirmationMethodsThePolicyDoesNotAllowAreRejected() {
        assertRejected(bearerValidator, message(hok(SamlSpec.saml2())).build(), FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void wrongAudienceIsRejected() {
        // caught by WSS4J's own audience check, whose non-standard FAILURE code maps to InvalidSecurity
        byte[] msg = message(SamlSpec.saml2().signedBy(idp).holderOfKey(subjectKey).audienceRestriction("urn:other"))
                .build();
        assertRejected(validator, msg, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void everyAudienceRestrictionMustNameUs() {
        byte[] msg = message(hok(SamlSpec.saml2()).audienceRestriction("urn:other")).build();
        assertRejected(validator, msg, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void assertionWithoutAudienceRestrictionIsRejected() {
        byte[] msg = message(SamlSpec.saml2().signedBy(idp).holderOfKey(subjectKey)).build();
        assertRejected(validator, msg, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void expiredAndNotYetValidAssertionsAreRejected() {
        assertRejected(validator, message(hok(SamlSpec.saml2()).expired()).build(), FaultCode.INVALID_SECURITY_TOKEN);
        assertRejected(validator, message(hok(SamlSpec.saml2()).notYetValid()).build(),
                FaultCode.INVALID_SECURITY_TOKEN);
        assertRejected(validator, message(hok(SamlSpec.saml11()).expired()).build(), FaultCode.INVALID_SECURITY_TOKEN);
    }

    @Test
    void unsignedAssertionIsRejected() throws Exception {
        // holder-of-key and bearer: WSS4J itself insists on the issuer signature; every
        // unsigned assertion gets the same code whichever layer refuses it
        byte[] hokUnsigned = message(SamlSpec.saml2().holderOfKey(subjectKey).audienceRestriction(AUDIENCE))
                .holderOfKeyViaBst().build();
        assertRejected(validator, hokUnsigned, FaultCode.INVALID_SECURITY_TOKEN);
        assertRejected(bearerValidator, bearer(SamlSpec.saml2().audienceRestriction(AUDIENCE)),
                FaultCode.INVALID_SECURITY_TOKEN);
        // sender-vouches: WSS4J lets it through, SamlRules refuses it
        byte[] svUnsigned = SamlMessageVariants.senderVouchesSignedById(
                SamlSpec.saml2().senderVouches().audienceRestriction(AUDIENCE), sender);
        assertRejected(validator, svUnsigned, FaultCode.INVALID_SECURITY_TOKEN);
    }

    @Test
    void assertionChangedAfterTheIssuerSignedItFailsTheCheck() {
        // found with CXF: a bearer assertion whose subject was changed in transit; the issuer's
        // signature no longer verifies, which is a failed check like any broken signature
        for (SamlSpec spec : List.of(SamlSpec.saml2(), SamlSpec.saml11())) {
            byte[] genuine = bearer(spec.signedBy(idp).audienceRestriction(AUDIENCE).subject("carol"));
            byte[] tampered = new String(genuine, java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst(">carol<", ">mallory<").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertRejected(bearerValidator, tampered, FaultCode.FAILED_CHECK);
        }
    }

    @Test
    void assertionSignedByAKeyNotConfiguredForItsIssuerIsRejected() {
        // trusted by the CA for message signatures, but not a configured IdP certificate
        byte[] rogue = message(SamlSpec.saml2().signedBy(KEYS.issue("rogue-idp")).holderOfKey(subjectKey)
                .audienceRestriction(AUDIENCE)).build();
        assertRejected(validator, rogue, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void assertionOfAnUnconfiguredIssuerIsRejected() {
        byte[] msg = message(hok(SamlSpec.saml2()).issuer("https://evil.example")).build();
        assertRejected(validator, msg, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void holderOfKeyMessageSignedWithAnotherKeyIsRejected() {
        Identity other = KEYS.issue("mallory");
        // the signature claims the assertion's subject key, but was made with another one
        assertRejected(validator, message(hok(SamlSpec.saml2())).signWith(other, KeyIdType.BST).build(),
                FaultCode.FAILED_CHECK);
        // a valid signature by another trusted certificate proves nothing about the subject
        assertRejected(validator, message(hok(SamlSpec.saml2())).signWith(other, KeyIdType.BST).holderOfKeyViaBst()
                .build(), FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void senderVouchesWithoutASenderSignatureIsRejected() throws Exception {
        String assertion = SamlSpec.saml2().signedBy(idp).senderVouches().audienceRestriction(AUDIENCE).toXml();
        // no signature at all
        byte[] unsigned = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).build();
        assertRejected(validator, SamlMessageVariants.withAssertion(unsigned, assertion), FaultCode.INVALID_SECURITY);
        // a trusted signature over Body and Timestamp that does not cover the assertion vouches for nothing
        byte[] signedByClient = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(KEYS.issue("client"), KeyIdType.BST).build();
        assertRejected(validator, SamlMessageVariants.withAssertion(signedByClient, assertion),
                FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void oneTimeUseAssertionIsAcceptedOnce() throws Exception {
        for (SamlSpec spec : List.of(SamlSpec.saml2(), SamlSpec.saml11())) {
            SamlSpec once = hok(spec).oneTimeUse().assertionId("_once-" + System.nanoTime());

            assertThat(validator.validate(message(once).build()).principal().confirmationMethod())
                    .contains(ConfirmationMethod.HOLDER_OF_KEY);
            assertRejected(validator, message(once).build(), FaultCode.INVALID_SECURITY);
        }
    }

    @Test
    void reusableAssertionMayBeUsedAgain() throws Exception {
        SamlSpec reusable = hok(SamlSpec.saml2()).assertionId("_again-" + System.nanoTime());

        validator.validate(message(reusable).build());
        assertThat(validator.validate(message(reusable).build()).principal().name()).isEqualTo("alice");
    }
}
