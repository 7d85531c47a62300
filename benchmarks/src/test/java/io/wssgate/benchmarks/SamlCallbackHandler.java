package io.wssgate.benchmarks;

import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.apache.wss4j.common.saml.bean.AudienceRestrictionBean;
import org.apache.wss4j.common.saml.bean.AuthenticationStatementBean;
import org.apache.wss4j.common.saml.bean.ConditionsBean;
import org.apache.wss4j.common.saml.bean.KeyInfoBean;
import org.apache.wss4j.common.saml.bean.SubjectBean;
import org.apache.wss4j.common.saml.bean.Version;
import org.apache.wss4j.common.saml.builder.SAML2Constants;
import org.apache.wss4j.dom.WSConstants;

/**
 * The SAML callback a WSS4J or CXF user writes to issue the same assertion our
 * {@code saml-out} policy issues: SAML 2.0, subject alice with her certificate as the
 * holder-of-key, the bench audience, an authentication statement, signed by the issuer with
 * RSA-SHA256, SHA-256 and exclusive C14N.
 */
final class SamlCallbackHandler implements CallbackHandler {
    private final Identity issuer;
    private final Identity subject;
    private final Crypto issuerCrypto;

    SamlCallbackHandler(BenchKeys keys) {
        this.issuer = keys.idp;
        this.subject = keys.alice;
        this.issuerCrypto = keys.keysOf(keys.idp);
    }

    @Override
    public void handle(Callback[] callbacks) {
        for (Callback callback : callbacks) {
            if (callback instanceof SAMLCallback saml) {
                fill(saml);
            }
        }
    }

    private void fill(SAMLCallback callback) {
        Instant now = Instant.now();
        callback.setSamlVersion(Version.SAML_20);
        callback.setIssuer(io.wssgate.testing.SamlSpec.DEFAULT_ISSUER);
        SubjectBean subjectBean = new SubjectBean("alice", null, SAML2Constants.CONF_HOLDER_KEY,
                io.wssgate.testing.SamlSpec.NAMEID_UNSPECIFIED);
        KeyInfoBean keyInfo = new KeyInfoBean();
        keyInfo.setCertificate(subject.certificate());
        keyInfo.setCertIdentifer(KeyInfoBean.CERT_IDENTIFIER.X509_CERT);
        subjectBean.setKeyInfo(keyInfo);
        callback.setSubject(subjectBean);
        ConditionsBean conditions = new ConditionsBean();
        conditions.setNotBefore(now.minus(Duration.ofMinutes(1)));
        conditions.setNotAfter(now.plus(Duration.ofMinutes(5)));
        AudienceRestrictionBean audience = new AudienceRestrictionBean();
        audience.setAudienceURIs(List.of(Messages.AUDIENCE));
        conditions.setAudienceRestrictions(List.of(audience));
        callback.setConditions(conditions);
        AuthenticationStatementBean authn = new AuthenticationStatementBean();
        authn.setSubject(subjectBean);
        authn.setAuthenticationInstant(now);
        authn.setAuthenticationMethod("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified");
        callback.setAuthenticationStatementData(List.of(authn));
        callback.setSignAssertion(true);
        callback.setIssuerCrypto(issuerCrypto);
        callback.setIssuerKeyName(issuer.name());
        callback.setIssuerKeyPassword(TestCrypto.KEY_PASSWORD);
        callback.setSignatureAlgorithm(WSConstants.RSA_SHA256);
        callback.setSignatureDigestAlgorithm(WSConstants.SHA256);
        callback.setCanonicalizationAlgorithm(WSConstants.C14N_EXCL_OMIT_COMMENTS);
    }
}
