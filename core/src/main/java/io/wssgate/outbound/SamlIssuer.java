package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.keys.KeyCrypto;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.SamlIssuance;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.wss4j.common.saml.bean.Version;
import org.apache.wss4j.common.saml.builder.SAML1Constants;
import org.apache.wss4j.common.saml.builder.SAML2Constants;
import org.w3c.dom.Element;

/**
 * Issues the assertions a policy's {@code outbound.token.saml} describes, signed by the
 * configured issuer key. Validity starts a minute back so a peer with a slightly slow clock
 * accepts it; the subject is the configured name or the caller being served.
 */
final class SamlIssuer {
    private static final Duration BACKDATING = Duration.ofMinutes(1);
    private static final String SAML11_ATTRIBUTE_NAMESPACE = "urn:wssgate:attributes";

    private final SamlIssuance config;
    private final KeyCrypto issuerKey;
    private final Clock clock;

    SamlIssuer(SamlIssuance config, KeyCrypto issuerKey, Clock clock) {
        this.config = config;
        this.issuerKey = issuerKey;
        this.clock = clock;
    }

    /**
     * @param caller     the caller being served, if any: its name is the subject unless one is
     *                   configured, and then the assertion is issued on the basis of the caller's
     *                   assertion, whose ProxyRestriction it respects
     * @param subjectKey the holder-of-key proof certificate (the outbound signing certificate)
     */
    SamlAssertionWrapper issue(Optional<AuthenticatedCaller> caller, Optional<X509Certificate> subjectKey)
            throws OutboundSecurityException {
        String subject = config.subject().or(() -> caller.map(c -> c.principal().name()))
                .orElseThrow(() -> new OutboundSecurityException("no subject for the SAML assertion: configure "
                        + "outbound.token.saml.subject or call while serving an authenticated request"));
        boolean saml2 = config.saml2();
        Optional<ProxyRestrictionRule.Limit> proxyLimit = Optional.empty();
        Optional<Element> basis = config.subject().isPresent() ? Optional.empty() : caller.flatMap(c -> c.assertion());
        if (basis.isPresent()) {
            proxyLimit = ProxyRestrictionRule.of(basis.get());
            if (proxyLimit.isPresent()) {
                ProxyRestrictionRule.check(proxyLimit.get(), config.audiences(), saml2);
            }
        }
        SAMLCallback callback = new SAMLCallback();
        callback.setSamlVersion(saml2 ? Version.SAML_20 : Version.SAML_11);
        callback.setIssuer(config.issuer());
        SubjectBean subjectBean = new SubjectBean(subject, null, confirmationUri(saml2), config.nameFormat());
        if (config.confirmationMethod() == ConfirmationMethod.HOLDER_OF_KEY) {
            X509Certificate proof = subjectKey.orElseThrow(() -> new OutboundSecurityException(
                    "holder-of-key assertion needs outbound.signature.key as the subject's key"));
            KeyInfoBean keyInfo = new KeyInfoBean();
            keyInfo.setCertificate(proof);
            keyInfo.setCertIdentifer(KeyInfoBean.CERT_IDENTIFIER.X509_CERT);
            subjectBean.setKeyInfo(keyInfo);
        }
        if (saml2 && config.confirmationMethod() == ConfirmationMethod.BEARER) {
            // the SAML 2.0 bearer profile bounds the confirmation itself, not just the assertion
            SubjectConfirmationDataBean window = new SubjectConfirmationDataBean();
            window.setNotAfter(clock.instant().plus(config.lifetime()));
            subjectBean.setSubjectConfirmationData(window);
        }
        callback.setSubject(subjectBean);
        callback.setConditions(conditions());
        Instant now = clock.instant();
        AuthenticationStatementBean authn = new AuthenticationStatementBean();
        authn.setSubject(subjectBean);
        authn.setAuthenticationInstant(now);
        authn.setAuthenticationMethod(saml2 ? "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified"
                : SAML1Constants.AUTH_METHOD_UNSPECIFIED);
        callback.setAuthenticationStatementData(List.of(authn));
        if (!config.attributes().isEmpty()) {
            callback.setAttributeStatementData(List.of(attributes(subjectBean, saml2)));
        }
        try {
            SamlAssertionWrapper assertion = new SamlAssertionWrapper(callback);
            if (saml2 && proxyLimit.isPresent()) {
                ProxyRestrictionRule.apply(proxyLimit.get(), assertion.getSaml2().getConditions());
            }
            assertion.signAssertion(KeyCrypto.ALIAS, issuerKey.password(), issuerKey.crypto(), false,
                    "http://www.w3.org/2001/10/xml-exc-c14n#", issuerKey.defaultSignatureAlgorithm(),
                    "http://www.w3.org/2001/04/xmlenc#sha256");
            return assertion;
        } catch (WSSecurityException e) {
            throw new OutboundSecurityException("cannot issue the SAML assertion: " + e.getMessage(), e);
        }
    }

    private String confirmationUri(boolean saml2) {
        return switch (config.confirmationMethod()) {
            case HOLDER_OF_KEY -> saml2 ? SAML2Constants.CONF_HOLDER_KEY : SAML1Constants.CONF_HOLDER_KEY;
            case SENDER_VOUCHES -> saml2 ? SAML2Constants.CONF_SENDER_VOUCHES : SAML1Constants.CONF_SENDER_VOUCHES;
            case BEARER -> saml2 ? SAML2Constants.CONF_BEARER : SAML1Constants.CONF_BEARER;
        };
    }

    private ConditionsBean conditions() {
        Instant now = clock.instant();
        ConditionsBean conditions = new ConditionsBean();
        conditions.setNotBefore(now.minus(BACKDATING));
        conditions.setNotAfter(now.plus(config.lifetime()));
        if (!config.audiences().isEmpty()) {
            AudienceRestrictionBean restriction = new AudienceRestrictionBean();
            restriction.setAudienceURIs(new ArrayList<>(config.audiences()));
            conditions.setAudienceRestrictions(List.of(restriction));
        }
        return conditions;
    }

    private AttributeStatementBean attributes(SubjectBean subject, boolean saml2) {
        List<AttributeBean> beans = new ArrayList<>();
        for (Map.Entry<String, List<String>> a : config.attributes().entrySet()) {
            List<Object> values = new ArrayList<>(a.getValue());
            beans.add(saml2 ? new AttributeBean(null, a.getKey(), values)
                    : new AttributeBean(a.getKey(), SAML11_ATTRIBUTE_NAMESPACE, values));
        }
        return new AttributeStatementBean(subject, beans);
    }
}
