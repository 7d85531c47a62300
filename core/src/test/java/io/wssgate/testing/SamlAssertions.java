package io.wssgate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.saml.bean.AttributeBean;
import org.apache.wss4j.common.saml.bean.AttributeStatementBean;
import org.apache.wss4j.common.saml.bean.AudienceRestrictionBean;
import org.apache.wss4j.common.saml.bean.AuthenticationStatementBean;
import org.apache.wss4j.common.saml.bean.ConditionsBean;
import org.apache.wss4j.common.saml.bean.KeyInfoBean;
import org.apache.wss4j.common.saml.bean.SubjectBean;
import org.apache.wss4j.common.saml.bean.SubjectConfirmationDataBean;
import org.apache.wss4j.common.saml.builder.SAML1Constants;
import org.apache.wss4j.common.saml.builder.SAML2Constants;
import org.apache.wss4j.dom.WSConstants;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.common.SAMLObjectBuilder;
import org.opensaml.saml.saml1.core.DoNotCacheCondition;

import io.wssgate.testing.SamlSpec.Confirmation;
import io.wssgate.testing.SamlSpec.Version;
import io.wssgate.testing.TestKeys.Identity;

/** Turns a {@link SamlSpec} into a WSS4J {@link SamlAssertionWrapper} via WSS4J's SAMLCallback beans. */
final class SamlAssertions {

    private SamlAssertions() {
    }

    static SamlAssertionWrapper build(SamlSpec spec) throws WSSecurityException {
        boolean saml2 = spec.version() == Version.SAML_20;
        SAMLCallback callback = new SAMLCallback();
        callback.setSamlVersion(saml2 ? org.apache.wss4j.common.saml.bean.Version.SAML_20
                : org.apache.wss4j.common.saml.bean.Version.SAML_11);
        callback.setIssuer(spec.issuer());

        SubjectBean subject = subject(spec, saml2);
        // SAML 2.0 has one Subject per assertion; SAML 1.1 repeats it inside every statement.
        callback.setSubject(subject);
        callback.setConditions(conditions(spec));
        if (!spec.attributes().isEmpty()) {
            callback.setAttributeStatementData(List.of(attributeStatement(spec, subject, saml2)));
        }
        if (spec.authenticationMethod() != null) {
            callback.setAuthenticationStatementData(List.of(authentication(subject,
                    spec.authenticationMethod(), spec.authenticationInstant())));
        } else if (!saml2 && spec.attributes().isEmpty()) {
            callback.setAuthenticationStatementData(List.of(authentication(subject,
                    SAML1Constants.AUTH_METHOD_UNSPECIFIED, Instant.now())));
        }

        SamlAssertionWrapper assertion = new SamlAssertionWrapper(callback);
        if (spec.assertionId() != null) {
            if (saml2) {
                assertion.getSaml2().setID(spec.assertionId());
            } else {
                assertion.getSaml1().setID(spec.assertionId());
            }
        }
        if (!saml2 && spec.isOneTimeUse()) {
            addDoNotCache(assertion);
        }
        spec.editsBeforeSigning().forEach(edit -> edit.accept(assertion));
        if (spec.issuerKey() != null) {
            sign(assertion, spec);
        }
        return spec.editsOfSignedXml().isEmpty() ? assertion : editedAndResigned(assertion, spec);
    }

    /** The signed assertion's XML edited, its enveloped signature computed again with the issuer key. */
    private static SamlAssertionWrapper editedAndResigned(SamlAssertionWrapper assertion, SamlSpec spec)
            throws WSSecurityException {
        org.w3c.dom.Element element = assertion.toDOM(null);
        spec.editsOfSignedXml().forEach(edit -> edit.accept(element));
        if (spec.issuerKey() != null) {
            element.setIdAttributeNS(null, spec.version() == Version.SAML_20 ? "ID" : "AssertionID", true);
            org.w3c.dom.Element signature = (org.w3c.dom.Element) element
                    .getElementsByTagNameNS(WSConstants.SIG_NS, "Signature").item(0);
            try {
                org.apache.xml.security.signature.XMLSignature xml =
                        new org.apache.xml.security.signature.XMLSignature(signature, "", false);
                for (int i = 0; i < xml.getSignedInfo().getLength(); i++) {
                    xml.getSignedInfo().item(i); // a parsed SignedInfo creates its references on access
                }
                xml.sign(spec.issuerKey().privateKey());
            } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
                throw new IllegalStateException("cannot sign the edited assertion again", e);
            }
        }
        return new SamlAssertionWrapper(element);
    }

    private static SubjectBean subject(SamlSpec spec, boolean saml2) {
        SubjectBean subject = new SubjectBean(spec.subjectName(), null,
                confirmationUri(spec.confirmation(), saml2), spec.nameIdFormat());
        if (spec.confirmation() == Confirmation.HOLDER_OF_KEY) {
            KeyInfoBean keyInfo = new KeyInfoBean();
            keyInfo.setCertificate(spec.subjectKey().certificate());
            keyInfo.setCertIdentifer(KeyInfoBean.CERT_IDENTIFIER.X509_CERT);
            subject.setKeyInfo(keyInfo);
        }
        if (saml2) {
            subject.setSubjectConfirmationData(confirmationData(spec));
        }
        return subject;
    }

    /** SAML 2.0 SubjectConfirmationData: what the spec sets, a bearer window by default, else none. */
    private static SubjectConfirmationDataBean confirmationData(SamlSpec spec) {
        Instant notOnOrAfter = spec.confirmationNotOnOrAfter();
        if (notOnOrAfter == null && spec.confirmationDataDefault() && spec.confirmation() == Confirmation.BEARER) {
            notOnOrAfter = Instant.now().plus(Duration.ofMinutes(5));
        }
        if (notOnOrAfter == null && spec.confirmationNotBefore() == null && spec.recipient() == null
                && spec.inResponseTo() == null && spec.address() == null) {
            return null;
        }
        SubjectConfirmationDataBean data = new SubjectConfirmationDataBean();
        data.setNotBefore(spec.confirmationNotBefore());
        data.setNotAfter(notOnOrAfter);
        data.setRecipient(spec.recipient());
        data.setInResponseTo(spec.inResponseTo());
        data.setAddress(spec.address());
        return data;
    }

    private static String confirmationUri(Confirmation confirmation, boolean saml2) {
        return switch (confirmation) {
            case HOLDER_OF_KEY -> saml2 ? SAML2Constants.CONF_HOLDER_KEY : SAML1Constants.CONF_HOLDER_KEY;
            case SENDER_VOUCHES -> saml2 ? SAML2Constants.CONF_SENDER_VOUCHES : SAML1Constants.CONF_SENDER_VOUCHES;
            case BEARER -> saml2 ? SAML2Constants.CONF_BEARER : SAML1Constants.CONF_BEARER;
        };
    }

    private static ConditionsBean conditions(SamlSpec spec) {
        ConditionsBean conditions = new ConditionsBean();
        Instant now = Instant.now();
        // a minute of backdating so a verifier with a slightly slow clock still accepts it
        conditions.setNotBefore(spec.notBefore() != null ? spec.notBefore() : now.minus(Duration.ofMinutes(1)));
        conditions.setNotAfter(spec.notOnOrAfter() != null ? spec.notOnOrAfter() : now.plus(Duration.ofMinutes(5)));
        List<AudienceRestrictionBean> restrictions = new ArrayList<>();
        for (List<String> audiences : spec.audienceRestrictions()) {
            AudienceRestrictionBean restriction = new AudienceRestrictionBean();
            restriction.setAudienceURIs(new ArrayList<>(audiences));
            restrictions.add(restriction);
        }
        conditions.setAudienceRestrictions(restrictions);
        conditions.setOneTimeUse(spec.isOneTimeUse()); // honoured by WSS4J's SAML 2.0 builder only
        return conditions;
    }

    private static AttributeStatementBean attributeStatement(SamlSpec spec, SubjectBean subject, boolean saml2) {
        List<AttributeBean> beans = new ArrayList<>();
        for (Map.Entry<String, List<String>> attribute : spec.attributes().entrySet()) {
            List<Object> values = new ArrayList<>(attribute.getValue());
            // 2.0: qualified name becomes Name; 1.1: simple name is AttributeName, qualified the namespace
            beans.add(saml2
                    ? new AttributeBean(null, attribute.getKey(), values)
                    : new AttributeBean(attribute.getKey(), SamlSpec.SAML11_ATTRIBUTE_NAMESPACE, values));
        }
        return new AttributeStatementBean(subject, beans);
    }

    private static AuthenticationStatementBean authentication(SubjectBean subject, String method, Instant instant) {
        AuthenticationStatementBean statement = new AuthenticationStatementBean();
        statement.setSubject(subject);
        statement.setAuthenticationMethod(method);
        statement.setAuthenticationInstant(instant);
        return statement;
    }

    @SuppressWarnings("unchecked")
    private static void addDoNotCache(SamlAssertionWrapper assertion) {
        SAMLObjectBuilder<DoNotCacheCondition> builder = (SAMLObjectBuilder<DoNotCacheCondition>)
                XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(DoNotCacheCondition.DEFAULT_ELEMENT_NAME);
        assertion.getSaml1().getConditions().getConditions().add(builder.buildObject());
    }

    private static void sign(SamlAssertionWrapper assertion, SamlSpec spec) throws WSSecurityException {
        Identity issuer = spec.issuerKey();
        String signatureAlgorithm = spec.signatureAlgorithm() != null
                ? spec.signatureAlgorithm() : MessageDefaults.signatureAlgorithmFor(issuer.privateKey());
        String digestAlgorithm = spec.digestAlgorithm() != null
                ? spec.digestAlgorithm() : MessageDefaults.DIGEST;
        assertion.signAssertion(issuer.name(), TestCrypto.KEY_PASSWORD, TestCrypto.signing(issuer),
                false, WSConstants.C14N_EXCL_OMIT_COMMENTS, signatureAlgorithm, digestAlgorithm);
    }
}
