package io.wssgate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;

import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Document;

/**
 * Processes fixture messages with WSS4J's own engine, as an independent check that the fixtures
 * are real WS-Security (not just something the gate happens to accept). Always starts from the
 * serialised bytes, as the gate will.
 */
public final class Wss4jVerifier {

    private final Crypto crypto;
    private final Map<String, String> userPasswords;

    /** {@code crypto} serves as signature trust store and as decryption key store. */
    public Wss4jVerifier(Crypto crypto, Map<String, String> userPasswords) {
        this.crypto = crypto;
        this.userPasswords = userPasswords;
    }

    public record Outcome(Document document, WSHandlerResult result) {

        public List<WSSecurityEngineResult> actions(int action) {
            return result.getActionResults().getOrDefault(action, List.of());
        }

        /** Names of the elements covered by the message signature(s) of the given action. */
        public List<QName> signedElements(int action) {
            List<QName> names = new ArrayList<>();
            for (WSSecurityEngineResult r : actions(action)) {
                @SuppressWarnings("unchecked")
                List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                refs.forEach(ref -> names.add(ref.getName()));
            }
            return names;
        }
    }

    public Outcome process(byte[] message) throws WSSecurityException {
        Document document = TestMessages.parse(message);
        RequestData data = new RequestData();
        data.setSigVerCrypto(crypto);
        data.setDecCrypto(crypto);
        data.setCallbackHandler(passwords());
        WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(document, data);
        return new Outcome(document, result);
    }

    private CallbackHandler passwords() {
        return (Callback[] callbacks) -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(pc.getUsage() == WSPasswordCallback.DECRYPT
                            || pc.getUsage() == WSPasswordCallback.SIGNATURE
                            ? TestCrypto.KEY_PASSWORD : userPasswords.get(pc.getIdentifier()));
                }
            }
        };
    }
}
