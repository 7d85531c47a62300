package io.wssgate.wsit;

import com.sun.xml.wss.impl.callback.SAMLCallback;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.w3c.dom.Element;

/**
 * The SAML callback a WSIT user names in wsit-client.xml ({@code sc:CallbackHandler name="samlHandler"}):
 * hands WSIT the assertion an identity provider issued (here: built by the test, signed by its IdP
 * key, holder-of-key for the client's certificate). WSIT instantiates it by class name, so the
 * test puts the assertion in {@link #assertion}.
 */
public class WsitSamlHandler implements CallbackHandler {
    static volatile Element assertion;

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof SAMLCallback saml) {
                saml.setAssertionElement(assertion);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
