package io.wssgate.filter.sts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.w3c.dom.Element;

/**
 * CXF's WSS4JInInterceptor configured by hand (no WS-Policy) for the two ways a requester may
 * authenticate to the STS. WSS4J processes the whole Security header (UsernameToken passwords
 * through the endpoint's callback handler, signatures against the endpoint's signature crypto);
 * the action check then accepts exactly one of these shapes:
 * <ul>
 * <li>UsernameToken, optionally with a Timestamp;</li>
 * <li>Timestamp and Signature, where one signature covers the SOAP Body and that Timestamp.</li>
 * </ul>
 * Anything else (no header, a bare Timestamp, encryption, SAML tokens) is a SOAP fault.
 */
final class RequesterAuthentication extends WSS4JInInterceptor {

    private static final Set<Integer> USERNAME = Set.of(WSConstants.UT);
    private static final Set<Integer> USERNAME_TIMESTAMP = Set.of(WSConstants.UT, WSConstants.TS);
    private static final Set<Integer> SIGNATURE_TIMESTAMP = Set.of(WSConstants.SIGN, WSConstants.TS);

    RequesterAuthentication() {
        // the union of both shapes, so that WSS4J sets up UsernameToken and Signature processing
        super(Map.of(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " "
                + ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE));
    }

    @Override
    protected void checkActions(SoapMessage message, List<WSSecurityEngineResult> results, List<Integer> actions)
            throws WSSecurityException {
        Set<Integer> found = new HashSet<>();
        for (WSSecurityEngineResult result : results) {
            Integer action = (Integer) result.get(WSSecurityEngineResult.TAG_ACTION);
            if (action != null && action != WSConstants.BST) {
                found.add(action);
            }
        }
        boolean accepted = found.equals(USERNAME) || found.equals(USERNAME_TIMESTAMP)
                || found.equals(SIGNATURE_TIMESTAMP) && signsBodyAndTimestamp(results);
        if (!accepted) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.INVALID_SECURITY);
        }
    }

    private static boolean signsBodyAndTimestamp(List<WSSecurityEngineResult> results) {
        Element timestamp = null;
        for (WSSecurityEngineResult result : results) {
            if (result.get(WSSecurityEngineResult.TAG_TIMESTAMP) instanceof Timestamp ts) {
                timestamp = ts.getElement();
            }
        }
        for (WSSecurityEngineResult result : results) {
            if (!Integer.valueOf(WSConstants.SIGN).equals(result.get(WSSecurityEngineResult.TAG_ACTION))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<WSDataRef> refs = (List<WSDataRef>) result.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
            boolean body = false;
            boolean signedTimestamp = false;
            for (WSDataRef ref : refs == null ? List.<WSDataRef>of() : refs) {
                Element element = ref.getProtectedElement();
                if (element == null) {
                    continue;
                }
                // the Body that counts is the Envelope's child, not a copy moved elsewhere
                body |= WSConstants.ELEM_BODY.equals(element.getLocalName())
                        && element.getParentNode() == element.getOwnerDocument().getDocumentElement();
                signedTimestamp |= element == timestamp;
            }
            if (body && signedTimestamp) {
                return true;
            }
        }
        return false;
    }
}
