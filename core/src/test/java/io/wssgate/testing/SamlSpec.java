package io.wssgate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.util.DOM2Writer;

import io.wssgate.testing.TestKeys.Identity;

/**
 * What a test SAML assertion should contain. A mutable fluent builder: configure it, then hand it
 * to {@link MessageBuilder#saml(SamlSpec)} or call {@link #toAssertion()}. Every call of
 * {@link #toAssertion()} builds (and signs) a fresh assertion with a fresh ID unless
 * {@link #assertionId(String)} pins one; validity defaults are computed at that moment.
 *
 * <p>Defaults: issuer {@value #DEFAULT_ISSUER}, subject {@value #DEFAULT_SUBJECT} with the
 * unspecified NameID format, bearer confirmation, unsigned, valid from a minute ago for five
 * minutes, no audience restriction, no attributes. A SAML 2.0 bearer confirmation gets a
 * SubjectConfirmationData with a NotOnOrAfter five minutes ahead, as the bearer profile
 * demands, unless {@link #withoutConfirmationData()} says otherwise. SAML 1.1 needs a statement to carry the subject,
 * so a 1.1 assertion without attributes or authentication gets a default authentication statement.
 */
public final class SamlSpec {

    public enum Version { SAML_11, SAML_20 }

    public enum Confirmation { HOLDER_OF_KEY, SENDER_VOUCHES, BEARER }

    public static final String DEFAULT_ISSUER = "https://idp.wssgate.test";
    public static final String DEFAULT_SUBJECT = "alice";
    /** NameID format used unless {@link #subject(String, String)} says otherwise (valid in 1.1 and 2.0). */
    public static final String NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    /** SAML 1.1 attributes need a namespace; 2.0 attributes use the plain name as Name. */
    public static final String SAML11_ATTRIBUTE_NAMESPACE = "urn:wssgate:test:attributes";
    public static final String AUTHN_PASSWORD_SAML2 = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password";
    public static final String AUTHN_PASSWORD_SAML11 = "urn:oasis:names:tc:SAML:1.0:am:password";

    private final Version version;
    private String issuer = DEFAULT_ISSUER;
    private Identity issuerKey;
    private String signatureAlgorithm;
    private String digestAlgorithm;
    private String subjectName = DEFAULT_SUBJECT;
    private String nameIdFormat = NAMEID_UNSPECIFIED;
    private Confirmation confirmation = Confirmation.BEARER;
    private Identity subjectKey;
    private final List<List<String>> audienceRestrictions = new ArrayList<>();
    private Instant notBefore;
    private Instant notOnOrAfter;
    private boolean oneTimeUse;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private String authenticationMethod;
    private Instant authenticationInstant;
    private String assertionId;
    private boolean confirmationDataDefault = true;
    private Instant confirmationNotBefore;
    private Instant confirmationNotOnOrAfter;
    private String recipient;
    private String inResponseTo;
    private String address;
    private final List<Consumer<SamlAssertionWrapper>> editsBeforeSigning = new ArrayList<>();
    private final List<Consumer<org.w3c.dom.Element>> editsOfSignedXml = new ArrayList<>();

    private SamlSpec(Version version) {
        this.version = version;
    }

    public static SamlSpec saml2() {
        return new SamlSpec(Version.SAML_20);
    }

    public static SamlSpec saml11() {
        return new SamlSpec(Version.SAML_11);
    }

    public SamlSpec issuer(String name) {
        this.issuer = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sign the assertion (enveloped signature, issuer certificate in KeyInfo) with any identity:
     * the trusted IdP, or an untrusted one for negative tests.
     */
    public SamlSpec signedBy(Identity key) {
        this.issuerKey = Objects.requireNonNull(key, "key");
        return this;
    }

    public SamlSpec unsigned() {
        this.issuerKey = null;
        return this;
    }

    /** Algorithms for the assertion signature; null keeps the default (RSA/ECDSA-SHA256, SHA-256). */
    public SamlSpec signatureAlgorithms(String signatureUri, String digestUri) {
        this.signatureAlgorithm = signatureUri;
        this.digestAlgorithm = digestUri;
        return this;
    }

    public SamlSpec subject(String name) {
        return subject(name, NAMEID_UNSPECIFIED);
    }

    public SamlSpec subject(String name, String nameIdFormat) {
        this.subjectName = Objects.requireNonNull(name, "name");
        this.nameIdFormat = nameIdFormat;
        return this;
    }

    /** Holder-of-key: the subject's certificate goes into the SubjectConfirmation KeyInfo. */
    public SamlSpec holderOfKey(Identity subjectKey) {
        this.confirmation = Confirmation.HOLDER_OF_KEY;
        this.subjectKey = Objects.requireNonNull(subjectKey, "subjectKey");
        return this;
    }

    public SamlSpec senderVouches() {
        this.confirmation = Confirmation.SENDER_VOUCHES;
        this.subjectKey = null;
        return this;
    }

    public SamlSpec bearer() {
        this.confirmation = Confirmation.BEARER;
        this.subjectKey = null;
        return this;
    }

    /** Adds ONE AudienceRestriction condition listing these audiences; call twice for two conditions. */
    public SamlSpec audienceRestriction(String... audiences) {
        audienceRestrictions.add(List.of(audiences));
        return this;
    }

    public SamlSpec validity(Instant notBefore, Instant notOnOrAfter) {
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        this.notOnOrAfter = Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        return this;
    }

    /** Valid from 10 to 5 minutes ago: beyond any reasonable clock skew allowance. */
    public SamlSpec expired() {
        Instant now = Instant.now();
        return validity(now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5)));
    }

    /** Valid from 10 minutes from now: beyond any reasonable clock skew allowance. */
    public SamlSpec notYetValid() {
        Instant now = Instant.now();
        return validity(now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20)));
    }

    /** SAML 2.0 OneTimeUse, or for SAML 1.1 its counterpart DoNotCacheCondition. */
    public SamlSpec oneTimeUse() {
        this.oneTimeUse = true;
        return this;
    }

    public SamlSpec attribute(String name, String... values) {
        attributes.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** Adds an authentication statement, e.g. {@link #AUTHN_PASSWORD_SAML2}. */
    public SamlSpec authentication(String method, Instant instant) {
        this.authenticationMethod = Objects.requireNonNull(method, "method");
        this.authenticationInstant = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /** The SubjectConfirmationData validity window (SAML 2.0). */
    public SamlSpec confirmationWindow(Instant notBefore, Instant notOnOrAfter) {
        this.confirmationNotBefore = notBefore;
        this.confirmationNotOnOrAfter = notOnOrAfter;
        return this;
    }

    /** The SubjectConfirmationData Recipient (SAML 2.0): the endpoint the assertion is meant for. */
    public SamlSpec recipient(String url) {
        this.recipient = url;
        return this;
    }

    /** The SubjectConfirmationData InResponseTo (SAML 2.0). */
    public SamlSpec inResponseTo(String requestId) {
        this.inResponseTo = requestId;
        return this;
    }

    /** The SubjectConfirmationData Address (SAML 2.0): the attesting entity's IP address. */
    public SamlSpec address(String ip) {
        this.address = ip;
        return this;
    }

    /** No default SubjectConfirmationData for a bearer confirmation (only what is set explicitly). */
    public SamlSpec withoutConfirmationData() {
        this.confirmationDataDefault = false;
        return this;
    }

    /** Pin the assertion ID (ID in 2.0, AssertionID in 1.1), e.g. to test replay detection. */
    public SamlSpec assertionId(String id) {
        this.assertionId = id;
        return this;
    }

    /**
     * An edit of the OpenSAML object applied after the assertion is built and before the issuer
     * signs it, for assertions an issuer could have signed that are still wrong (a stale
     * IssueInstant, holder-of-key without a key).
     */
    public SamlSpec beforeSigning(Consumer<SamlAssertionWrapper> edit) {
        editsBeforeSigning.add(Objects.requireNonNull(edit, "edit"));
        return this;
    }

    /**
     * An edit of the signed assertion's XML, after which the issuer signs it again: for content
     * OpenSAML's object model cannot express (an unknown Condition, a second OneTimeUse), still
     * carrying a valid issuer signature so only the rule under test can refuse it.
     */
    public SamlSpec editSignedXml(Consumer<org.w3c.dom.Element> edit) {
        editsOfSignedXml.add(Objects.requireNonNull(edit, "edit"));
        return this;
    }

    /** Builds and, if {@link #signedBy(Identity) configured}, signs a new assertion. */
    public SamlAssertionWrapper toAssertion() {
        try {
            return SamlAssertions.build(this);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("Cannot build SAML assertion", e);
        }
    }

    /** A new assertion serialised on its own (not inside a SOAP message). */
    public String toXml() {
        try {
            return DOM2Writer.nodeToString(toAssertion().toDOM(null));
        } catch (WSSecurityException e) {
            throw new IllegalStateException("Cannot serialise SAML assertion", e);
        }
    }

    // ---- read access for SamlAssertions and MessageSecurer ---------------------------------------

    Version version() {
        return version;
    }

    String issuer() {
        return issuer;
    }

    Identity issuerKey() {
        return issuerKey;
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    String digestAlgorithm() {
        return digestAlgorithm;
    }

    String subjectName() {
        return subjectName;
    }

    String nameIdFormat() {
        return nameIdFormat;
    }

    Confirmation confirmation() {
        return confirmation;
    }

    Identity subjectKey() {
        return subjectKey;
    }

    List<List<String>> audienceRestrictions() {
        return audienceRestrictions;
    }

    Instant notBefore() {
        return notBefore;
    }

    Instant notOnOrAfter() {
        return notOnOrAfter;
    }

    boolean isOneTimeUse() {
        return oneTimeUse;
    }

    Map<String, List<String>> attributes() {
        return attributes;
    }

    String authenticationMethod() {
        return authenticationMethod;
    }

    Instant authenticationInstant() {
        return authenticationInstant;
    }

    String assertionId() {
        return assertionId;
    }

    boolean confirmationDataDefault() {
        return confirmationDataDefault;
    }

    Instant confirmationNotBefore() {
        return confirmationNotBefore;
    }

    Instant confirmationNotOnOrAfter() {
        return confirmationNotOnOrAfter;
    }

    String recipient() {
        return recipient;
    }

    String inResponseTo() {
        return inResponseTo;
    }

    String address() {
        return address;
    }

    List<Consumer<org.w3c.dom.Element>> editsOfSignedXml() {
        return editsOfSignedXml;
    }

    List<Consumer<SamlAssertionWrapper>> editsBeforeSigning() {
        return editsBeforeSigning;
    }
}
