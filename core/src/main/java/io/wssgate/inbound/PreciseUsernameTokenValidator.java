package io.wssgate.inbound;

import java.io.IOException;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.apache.wss4j.dom.validate.Credential;
import org.apache.wss4j.dom.validate.UsernameTokenValidator;

/**
 * WSS4J's UsernameToken authentication, unchanged, with the reason in the failure: which of
 * "password type not accepted", "unknown user", "wrong password" and "no password" it was. WSS4J
 * answers all of them with the same FailedAuthentication and states the first three only in
 * WARN lines of its own (one per bad request, without the correlation id). The user name goes
 * to the server log; the password never does.
 */
final class PreciseUsernameTokenValidator extends UsernameTokenValidator {

    @Override
    public Credential validate(Credential credential, RequestData data) throws WSSecurityException {
        if (credential != null && credential.getUsernametoken() != null) {
            UsernameToken token = credential.getUsernametoken();
            String required = data.getRequiredPasswordType();
            if (required != null && !required.equals(token.getPasswordType())) {
                throw failed("UsernameToken of user '" + token.getName() + "' has password type "
                        + token.getPasswordType() + "; only " + required + " is accepted"
                        + (WSConstants.PASSWORD_DIGEST.equals(required) ? " (username-token.allow-password-text: false)" : ""));
            }
            if (token.getPassword() == null && !data.isAllowUsernameTokenNoPassword()) {
                throw failed("UsernameToken of user '" + token.getName() + "' has no password");
            }
        }
        return super.validate(credential, data);
    }

    @Override
    protected void verifyDigestPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        if (data.getCallbackHandler() != null && !knownUser(token, data)) {
            throw failed("unknown user '" + token.getName() + "' in a UsernameToken");
        }
        try {
            super.verifyDigestPassword(token, data);
        } catch (WSSecurityException e) {
            if (e.getErrorCode() != ErrorCode.FAILED_AUTHENTICATION || e.getCause() != null) {
                throw e;
            }
            throw failed("wrong password for user '" + token.getName() + "' ("
                    + (token.isHashed() ? "digest" : "text") + ")");
        }
    }

    private static boolean knownUser(UsernameToken token, RequestData data) throws WSSecurityException {
        WSPasswordCallback callback = new WSPasswordCallback(token.getName(), null, token.getPasswordType(),
                WSPasswordCallback.USERNAME_TOKEN);
        try {
            data.getCallbackHandler().handle(new Callback[] {callback});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new WSSecurityException(ErrorCode.FAILED_AUTHENTICATION, e);
        }
        return callback.getPassword() != null;
    }

    private static WSSecurityException failed(String reason) {
        return new Wss4jReason(ErrorCode.FAILED_AUTHENTICATION, "badUsernameToken", reason);
    }
}
