package io.wssgate.filter.interop;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.Crypto;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.w3c.dom.Document;
import org.apache.wss4j.common.saml.bean.AttributeBean;
import org.apache.wss4j.common.saml.bean.AttributeStatementBean;
import org.apache.wss4j.common.saml.bean.AudienceRestrictionBean;
import org.apache.wss4j.common.saml.bean.AuthenticationStatementBean;
import org.apache.wss4j.common.saml.bean.ConditionsBean;
import org.apache.wss4j.common.saml.bean.KeyInfoBean;
import org.apache.wss4j.common.saml.bean.SubjectBean;
import org.apache.wss4j.common.saml.bean.Version;
import org.apache.wss4j.common.saml.builder.SAML1Constants;
import org.apache.wss4j.common.saml.builder.SAML2Constants;

/**
 * The SAMLCallback handler a CXF user writes for {@code samlCallbackRef}: an assertion of the
 * given version and confirmation method for {@value Profile#SAML_SUBJECT}, with a role attribute
 * and an audience, signed by the issuer's key (RSA-SHA256, not WSS4J's SHA-1 default).
 */
final class CxfSamlCallback implements CallbackHandler {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String ROLE_NAMESPACE = "urn:wssgate:test:attributes";

    private final Profile profile;
    private final Crypto issuerCrypto;
    private final X509Certificate holderCertificate;

    CxfSamlCallback(Profile profile, Crypto issuerCrypto, X509Certificate holderCertificate) {
        this.profile = profile;
        this.issuerCrypto = issuerCrypto;
        this.holderCertificate = holderCertificate;
    }

    @Override
    public void handle(Callback[] callbacks) {
        for (Callback callback : callbacks) {
            if (callback instanceof SAMLCallback saml) {
                fill(saml);
            }
        }
    }

    private void fill(SAMLCallback saml) {
        boolean v11 = "1.1".equals(profile.samlVersion);
        saml.setSamlVersion(v11 ? Version.SAML_11 : Version.SAML_20);
        saml.setIssuer(InteropKeys.IDP);

        SubjectBean subject = new SubjectBean(Profile.SAML_SUBJECT, InteropKeys.IDP, confirmationMethod(v11));
        if (profile.confirmation == Profile.Confirmation.HOLDER_OF_KEY) {
            KeyInfoBean keyInfo = new KeyInfoBean();
            keyInfo.setCertificate(holderCertificate);
            keyInfo.setCertIdentifer(KeyInfoBean.CERT_IDENTIFIER.X509_CERT);
            subject.setKeyInfo(keyInfo);
        }
        if (profile.confirmation == Profile.Confirmation.BEARER && !v11) {
            // the SAML 2.0 bearer profile: the confirmation itself is bounded in time, which WSS
            // Gate requires (docs/what-is-checked.md, SAML processing rules)
            org.apache.wss4j.common.saml.bean.SubjectConfirmationDataBean window =
                    new org.apache.wss4j.common.saml.bean.SubjectConfirmationDataBean();
            window.setNotAfter(java.time.Instant.now().plusSeconds(300));
            subject.setSubjectConfirmationData(window);
        }
        saml.setSubject(subject);

        AuthenticationStatementBean authentication = new AuthenticationStatementBean();
        authentication.setSubject(subject);
        authentication.setAuthenticationMethod(v11 ? SAML1Constants.AUTH_METHOD_X509 : SAML2Constants.AUTH_CONTEXT_CLASS_REF_X509);
        authentication.setAuthenticationInstant(java.time.Instant.now());
        saml.setAuthenticationStatementData(List.of(authentication));

        AttributeBean role = new AttributeBean();
        if (v11) {
            // SAML 1.1 names an attribute by AttributeName plus AttributeNamespace
            role.setSimpleName("role");
            role.setQualifiedName(ROLE_NAMESPACE);
        } else {
            role.setQualifiedName("role");
        }
        role.setAttributeValues(List.of("admin", "clerk"));
        AttributeStatementBean attributes = new AttributeStatementBean();
        attributes.setSubject(subject);
        attributes.setSamlAttributes(List.of(role));
        saml.setAttributeStatementData(List.of(attributes));

        ConditionsBean conditions = new ConditionsBean();
        conditions.setTokenPeriodMinutes(5);
        AudienceRestrictionBean audience = new AudienceRestrictionBean();
        audience.setAudienceURIs(List.of(InteropKeys.AUDIENCE));
        conditions.setAudienceRestrictions(List.of(audience));
        saml.setConditions(conditions);

        saml.setSignAssertion(true);
        saml.setIssuerCrypto(issuerCrypto);
        saml.setIssuerKeyName("idp");
        saml.setIssuerKeyPassword(InteropKeys.PASSWORD);
        saml.setSignatureAlgorithm(RSA_SHA256);
        saml.setSignatureDigestAlgorithm(SHA256);
        if (profile.confirmation == Profile.Confirmation.BEARER) {
            signHere(saml);
        }
    }

    /**
     * WSS4J 3.0.5's SAMLTokenUnsigned action (bearer) signs the assertion without passing on
     * {@link SAMLCallback#getSignatureDigestAlgorithm()}, so its References use SHA-1, which WSS Gate
     * refuses. The handler therefore signs the assertion itself, with SHA-256, and hands WSS4J
     * the finished element.
     */
    private void signHere(SAMLCallback saml) {
        try {
            SamlAssertionWrapper assertion = new SamlAssertionWrapper(saml);
            assertion.signAssertion("idp", InteropKeys.PASSWORD, issuerCrypto, false, EXCLUSIVE_C14N, RSA_SHA256, SHA256);
            Document owner = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            saml.setAssertionElement(assertion.toDOM(owner));
            saml.setSignAssertion(false);
        } catch (WSSecurityException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot sign the bearer assertion", e);
        }
    }

    private String confirmationMethod(boolean v11) {
        return switch (profile.confirmation) {
            case HOLDER_OF_KEY -> v11 ? SAML1Constants.CONF_HOLDER_KEY : SAML2Constants.CONF_HOLDER_KEY;
            case SENDER_VOUCHES -> v11 ? SAML1Constants.CONF_SENDER_VOUCHES : SAML2Constants.CONF_SENDER_VOUCHES;
            case BEARER -> v11 ? SAML1Constants.CONF_BEARER : SAML2Constants.CONF_BEARER;
        };
    }
}
