package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.AUDIENCE;
import static io.wssgate.testing.attacks.AttackFixture.BEARER;
import static io.wssgate.testing.attacks.AttackFixture.SAML;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.wss4j.common.saml.builder.SAML2Constants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.w3c.dom.Element;
import org.w3c.dom.Text;

/**
 * SAML assertions that are wrong in one way each, against "saml" (holder-of-key, signed with
 * the subject key through an STR to the assertion) and "bearer" (bearer assertions in messages
 * the trusted client signs). Where the IdP could have signed the wrong assertion, it is built
 * wrong before signing, so its signature is valid and only the rule under test can refuse it.
 *
 * <p>Comment injection: the IdP signed the NameID {@value #COMMENTED_NAME}; the attacker inserts
 * an empty comment after "alice". Exclusive C14N ignores comments, so the issuer signature still
 * verifies, and a reader that takes the first text node would see "alice". Reading the full
 * text ("alice.evil", what was signed) would be correct too, but the assertion is refused
 * outright (OpenSAML does not unmarshal comment nodes): an IdP never signs a comment inside an
 * assertion, so one means the signed token was edited, and refusing it also protects an
 * application that reads the assertion DOM the gate hands on.
 */
public final class SamlAttacks {
    static final String CATEGORY = "SAML";
    static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String COMMENTED_NAME = "alice.evil";

    private SamlAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(CATEGORY, "comment injected into the signed NameID (alice<!---->.evil)", SAML,
                () -> nameIdWithComment(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "expired assertion (SAML 2.0)", SAML,
                () -> holderOfKey(f, f.assertion().expired()).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "expired assertion (SAML 1.1)", SAML,
                () -> holderOfKey(f, assertion11(f).expired()).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "assertion not yet valid", SAML,
                () -> holderOfKey(f, f.assertion().notYetValid()).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "stale assertion: issued 2 h ago, no NotOnOrAfter (max-age 30 min)", SAML,
                () -> holderOfKey(f, stale(f.assertion())).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "IssueInstant an hour in the future", SAML,
                () -> holderOfKey(f, issuedInAnHour(f.assertion())).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "wrong audience", SAML,
                () -> holderOfKey(f, idpAssertion(f).audienceRestriction("urn:someone:else")).build(),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "two AudienceRestrictions, only one naming us", SAML,
                () -> holderOfKey(f, f.assertion().audienceRestriction("urn:someone:else")).build(),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "no AudienceRestriction at all", SAML,
                () -> holderOfKey(f, idpAssertion(f)).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.replay(CATEGORY, "bearer assertion replayed in a fresh signed message", BEARER,
                () -> replayedBearerAssertion(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.replay(CATEGORY, "OneTimeUse assertion used a second time", SAML,
                () -> oneTimeUseUsedTwice(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "unsigned bearer assertion", BEARER,
                () -> bearer(f, SamlSpec.saml2().unsigned().audienceRestriction(AUDIENCE)).build(),
                FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "holder-of-key without a subject key", SAML,
                () -> holderOfKeyViaBst(f, f.assertion().beforeSigning(a2 -> subjectConfirmation(a2)
                        .setSubjectConfirmationData(null))).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "holder-of-key assertion not signed by the issuer", SAML,
                () -> holderOfKeyViaBst(f, SamlSpec.saml2().unsigned().audienceRestriction(AUDIENCE)).build(),
                FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "holder-of-key: STR names the subject key, signature made with another key", SAML,
                () -> holderOfKey(f, f.assertion()).signWith(f.selfSigned, KeyIdType.BST).build(),
                FaultCode.FAILED_CHECK));
        a.add(Attack.post(CATEGORY, "holder-of-key: message signed by another trusted certificate", SAML,
                () -> holderOfKeyViaBst(f, f.assertion()).signWith(f.sender, KeyIdType.BST).build(),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "sender-vouches: unsigned assertion supplies an untrusted signing key", SAML,
                () -> senderVouchesKeyFromUnsignedAssertion(f, f.selfSigned), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "sender-vouches: unsigned assertion supplies a CA-issued signing key", SAML,
                () -> senderVouchesKeyFromUnsignedAssertion(f, f.sender), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "attribute edited after signing (role user -> admin)", SAML,
                () -> editedAttribute(f), FaultCode.FAILED_CHECK));
        a.add(Attack.post(CATEGORY, "assertion minted by a trusted message signer, not the IdP", SAML,
                () -> holderOfKey(f, SamlSpec.saml2().signedBy(f.sender).audienceRestriction(AUDIENCE)).build(),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "samlp:Response with a valid assertion in the Security header", BEARER,
                () -> samlResponseInHeader(f), FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        return a;
    }

    // ---- baselines ------------------------------------------------------------------------------

    /** Signed by the IdP, no audience yet. */
    private static SamlSpec idpAssertion(AttackFixture f) {
        return SamlSpec.saml2().signedBy(f.idp);
    }

    private static SamlSpec assertion11(AttackFixture f) {
        return SamlSpec.saml11().signedBy(f.idp).audienceRestriction(AUDIENCE);
    }

    private static MessageBuilder holderOfKey(AttackFixture f, SamlSpec spec) {
        return AttackFixture.envelope(SAML).timestamp(Duration.ofMinutes(5)).saml(spec.holderOfKey(f.aliceKey));
    }

    /** Holder-of-key whose proof signature carries the subject certificate in a BST. */
    private static MessageBuilder holderOfKeyViaBst(AttackFixture f, SamlSpec spec) {
        return holderOfKey(f, spec).holderOfKeyViaBst();
    }

    private static MessageBuilder bearer(AttackFixture f, SamlSpec spec) {
        return AttackFixture.envelope(BEARER).timestamp(Duration.ofMinutes(5)).saml(spec.bearer())
                .signWith(f.client, KeyIdType.BST);
    }

    // ---- attacks --------------------------------------------------------------------------------

    private static byte[] nameIdWithComment(AttackFixture f) {
        byte[] signed = holderOfKey(f, f.assertion().subject(COMMENTED_NAME)).build();
        return MessageDom.edit(signed, doc -> {
            Element nameId = MessageDom.first(doc, SAML2_NS, "NameID");
            Text rest = ((Text) nameId.getFirstChild()).splitText("alice".length());
            nameId.insertBefore(doc.createComment(""), rest);
        });
    }

    private static SamlSpec stale(SamlSpec spec) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return spec.beforeSigning(a -> {
            a.getSaml2().setIssueInstant(issued);
            a.getSaml2().getConditions().setNotBefore(issued);
            a.getSaml2().getConditions().setNotOnOrAfter(null);
        });
    }

    private static SamlSpec issuedInAnHour(SamlSpec spec) {
        Instant issued = Instant.now().plus(Duration.ofHours(1));
        return spec.beforeSigning(a -> a.getSaml2().setIssueInstant(issued));
    }

    /** A first genuine message, then its assertion copied byte for byte into a fresh signed message. */
    private static List<byte[]> replayedBearerAssertion(AttackFixture f) {
        byte[] first = bearer(f, f.assertion()).build();
        return List.of(first, transplantAssertion(first, bearer(f, f.assertion()).build()));
    }

    /** A OneTimeUse assertion used once, then again (same assertion) under a fresh proof signature. */
    private static List<byte[]> oneTimeUseUsedTwice(AttackFixture f) {
        SamlSpec spec = f.assertion().oneTimeUse().assertionId("_" + UUID.randomUUID());
        byte[] first = holderOfKey(f, spec).build();
        // the second message's STR names the same ID; the assertion in it is the first one's
        return List.of(first, transplantAssertion(first, holderOfKey(f, spec).build()));
    }

    /**
     * An assertion the issuer never signed, with sender-vouches as its method and {@code key} in its
     * SubjectConfirmation; the message signature names that assertion as its key. WSS4J versions
     * before a published advisory took such a key as the message signer.
     */
    private static byte[] senderVouchesKeyFromUnsignedAssertion(AttackFixture f, Identity key) {
        byte[] signed = AttackFixture.envelope(SAML).timestamp(Duration.ofMinutes(5))
                .saml(f.assertion().holderOfKey(key)).build();
        return MessageDom.edit(signed, doc -> {
            Element assertion = MessageDom.first(doc, SAML2_NS, "Assertion");
            assertion.removeChild(MessageDom.child(assertion, MessageDom.DS, "Signature"));
            MessageDom.first(doc, SAML2_NS, "SubjectConfirmation").setAttributeNS(null, "Method",
                    SAML2Constants.CONF_SENDER_VOUCHES);
        });
    }

    private static byte[] editedAttribute(AttackFixture f) {
        SamlSpec spec = SamlSpec.saml2().signedBy(f.idp).audienceRestriction(AUDIENCE).attribute("role", "user");
        return MessageDom.edit(holderOfKey(f, spec).build(),
                doc -> MessageDom.first(doc, SAML2_NS, "AttributeValue").setTextContent("admin"));
    }

    /** A whole samlp:Response, holding a valid bearer assertion, in a message the client signed. */
    private static byte[] samlResponseInHeader(AttackFixture f) {
        String response = "<samlp:Response xmlns:samlp=\"" + SAMLP_NS + "\" ID=\"_r" + UUID.randomUUID()
                + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\"><samlp:Status><samlp:StatusCode Value="
                + "\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status></samlp:Response>";
        String assertion = f.assertion().bearer().toXml();
        byte[] signed = f.x509(BEARER).build();
        return MessageDom.edit(signed, doc -> {
            Element wrapper = MessageDom.fragment(doc, response);
            wrapper.appendChild(MessageDom.fragment(doc, assertion));
            MessageDom.security(doc).appendChild(wrapper);
        });
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static SubjectConfirmation subjectConfirmation(org.apache.wss4j.common.saml.SamlAssertionWrapper a) {
        Assertion assertion = a.getSaml2();
        return assertion.getSubject().getSubjectConfirmations().get(0);
    }

    /** {@code target} with its assertion replaced by a copy of {@code source}'s. */
    private static byte[] transplantAssertion(byte[] source, byte[] target) {
        Element original = MessageDom.first(io.wssgate.testing.TestMessages.parse(source), SAML2_NS, "Assertion");
        return MessageDom.edit(target, doc -> {
            Element replaced = MessageDom.first(doc, SAML2_NS, "Assertion");
            replaced.getParentNode().replaceChild(doc.importNode(original, true), replaced);
        });
    }
}
