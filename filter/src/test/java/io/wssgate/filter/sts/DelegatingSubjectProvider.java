package io.wssgate.filter.sts;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

import org.apache.cxf.sts.request.ReceivedToken;
import org.apache.cxf.sts.request.ReceivedToken.STATE;
import org.apache.cxf.sts.token.provider.DefaultSubjectProvider;
import org.apache.cxf.sts.token.provider.SubjectProviderParameters;
import org.apache.wss4j.common.saml.bean.SubjectBean;
import org.apache.wss4j.common.saml.bean.SubjectConfirmationDataBean;
import org.apache.wss4j.common.saml.builder.SAML2Constants;

/**
 * CXF's subject provider, except that a validated WS-Trust 1.4 ActAs token supplies the subject
 * just like OnBehalfOf does (CXF by default keeps the requester as subject for ActAs and only adds
 * an "ActAs" attribute, which it still does here), and that a SAML 2.0 bearer confirmation bounds
 * its own use with a SubjectConfirmationData NotOnOrAfter, as the SAML 2.0 bearer profile asks
 * and WSS Gate requires (CXF's default provider writes none; docs/interoperability.md).
 */
final class DelegatingSubjectProvider extends DefaultSubjectProvider {
    /** As long as the test STS's tokens live (CXF's default lifetime is 30 minutes). */
    private static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(30);

    @Override
    protected SubjectBean createSubjectBean(Principal principal, SubjectProviderParameters parameters) {
        SubjectBean subject = super.createSubjectBean(principal, parameters);
        if (SAML2Constants.CONF_BEARER.equals(subject.getSubjectConfirmationMethod())) {
            SubjectConfirmationDataBean window = new SubjectConfirmationDataBean();
            window.setNotAfter(Instant.now().plus(CONFIRMATION_WINDOW));
            subject.setSubjectConfirmationData(window);
        }
        return subject;
    }

    @Override
    protected Principal getPrincipal(SubjectProviderParameters parameters) {
        ReceivedToken actAs = parameters.getProviderParameters().getTokenRequirements().getActAs();
        if (parameters.getProviderParameters().getTokenRequirements().getOnBehalfOf() == null
                && actAs != null && actAs.getState() == STATE.VALID) {
            return actAs.getPrincipal();
        }
        return super.getPrincipal(parameters);
    }
}
