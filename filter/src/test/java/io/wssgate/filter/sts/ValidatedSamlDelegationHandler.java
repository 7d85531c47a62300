package io.wssgate.filter.sts;

import org.apache.cxf.sts.request.ReceivedToken;
import org.apache.cxf.sts.request.ReceivedToken.STATE;
import org.apache.cxf.sts.token.delegation.TokenDelegationHandler;
import org.apache.cxf.sts.token.delegation.TokenDelegationParameters;
import org.apache.cxf.sts.token.delegation.TokenDelegationResponse;
import org.apache.wss4j.common.WSS4JConstants;
import org.w3c.dom.Element;

/**
 * Permits OnBehalfOf / ActAs for any SAML 1.1 or 2.0 assertion that the issue operation's
 * SAMLTokenValidator has accepted (signature by a trusted issuer, within its validity), whatever
 * its confirmation method. CXF's own SAMLDelegationHandler would permit bearer assertions only.
 */
final class ValidatedSamlDelegationHandler implements TokenDelegationHandler {

    @Override
    public boolean canHandleToken(ReceivedToken delegateTarget) {
        return delegateTarget.getToken() instanceof Element element
                && "Assertion".equals(element.getLocalName())
                && (WSS4JConstants.SAML2_NS.equals(element.getNamespaceURI())
                        || WSS4JConstants.SAML_NS.equals(element.getNamespaceURI()));
    }

    @Override
    public TokenDelegationResponse isDelegationAllowed(TokenDelegationParameters parameters) {
        TokenDelegationResponse response = new TokenDelegationResponse();
        response.setToken(parameters.getToken());
        response.setDelegationAllowed(parameters.getToken().getState() == STATE.VALID);
        return response;
    }
}
