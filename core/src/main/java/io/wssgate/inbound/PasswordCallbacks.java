package io.wssgate.inbound;

import io.wssgate.spi.PasswordSource;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * Answers the WSS4J password callbacks this project owns: UsernameToken passwords from the
 * policy's {@link PasswordSource}, and the private-key password of the in-memory decryption
 * store. An unknown user gets no password, which WSS4J turns into FailedAuthentication.
 *
 * <p>Every other usage is left unanswered, never refused. WSS4J asks the callback first
 * whenever it meets a key reference it cannot yet resolve (a {@code SECRET_KEY} for a token it
 * has not processed, a {@code CUSTOM_TOKEN} for a SAML key identifier, a key name of an
 * EncryptedData) and then goes on to resolve the reference itself when no key comes back; an
 * exception instead ends the message with WSS4J's misleading "Callback supplied no password"
 * for what may be an X.509 signature. This project keeps no secret keys or custom tokens, so
 * "not mine" is the true answer, and whatever then fails is reported by WSS4J with its own cause.
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
                // the JAAS contract for a callback type this handler does not know at all
                throw new UnsupportedCallbackException(callback);
            }
            switch (pc.getUsage()) {
                case WSPasswordCallback.USERNAME_TOKEN -> passwords
                        .flatMap(source -> source.passwordOf(pc.getIdentifier()))
                        .ifPresent(p -> pc.setPassword(new String(p)));
                case WSPasswordCallback.DECRYPT -> pc.setPassword(new String(decryptionKeyPassword));
                default -> {
                    // not ours to answer: no key, no token, and WSS4J resolves the reference itself
                }
            }
        }
    }
}
