package io.wssgate.filter.sts;

import java.security.Principal;

import org.apache.cxf.sts.request.ReceivedToken;
import org.apache.cxf.sts.request.ReceivedToken.STATE;
import org.apache.cxf.sts.token.provider.DefaultSubjectProvider;
import org.apache.cxf.sts.token.provider.SubjectProviderParameters;

/**
 * CXF's subject provider, except that a validated WS-Trust 1.4 ActAs token supplies the subject
 * just like OnBehalfOf does (CXF by default keeps the requester as subject for ActAs and only adds
 * an "ActAs" attribute, which it still does here).
 */
final class DelegatingSubjectProvider extends DefaultSubjectProvider {

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
