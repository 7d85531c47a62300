package io.wssgate.inbound;

import io.wssgate.identity.PasswordSource;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * Answers WSS4J's password callbacks: UsernameToken passwords from the policy's
 * {@link PasswordSource}, and the private-key password of the in-memory decryption store.
 * An unknown user gets no password, which WSS4J turns into FailedAuthentication.
 */
final class PasswordCallbacks implements CallbackHandler {
    private final Optional<PasswordSource> passwords;
    private final char[] decryptionKeyPassword;

    PasswordCallbacks(Optional<PasswordSource> passwords, char[] decryptionKeyPassword) {
        this.passwords = passwords;
        this.decryptionKeyPassword = decryptionKeyPassword.clone();
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof WSPasswordCallback pc)) {
                throw new UnsupportedCallbackException(callback);
            }
            switch (pc.getUsage()) {
                case WSPasswordCallback.USERNAME_TOKEN -> passwords
                        .flatMap(source -> source.passwordOf(pc.getIdentifier()))
                        .ifPresent(p -> pc.setPassword(new String(p)));
                case WSPasswordCallback.DECRYPT -> pc.setPassword(new String(decryptionKeyPassword));
                default -> throw new UnsupportedCallbackException(callback, "unsupported password usage");
            }
        }
    }
}
